package vn.bluezone.server.keys.guessing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.bluezone.api.ApiPaths;
import vn.bluezone.api.verification.PowChallenge;
import vn.bluezone.server.web.limits.NetworkLimiter;

/** Hands out proof-of-work challenges for {@code /verify} (stateless: a keyed hash, nothing stored until used). */
@RestController
@Tag(name = "verification")
public class ProofOfWorkController {
    private final ProofOfWorkChallenges challenges;
    private final NetworkLimiter limiter;

    public ProofOfWorkController(ProofOfWorkChallenges challenges, NetworkLimiter limiter) {
        this.challenges = challenges;
        this.limiter = limiter;
    }

    @GetMapping(ApiPaths.VERIFY_CHALLENGE)
    @Operation(summary = "A proof-of-work challenge to solve before an 8-digit code is checked under attack",
            description = "Find powNonce with SHA-256(challenge + ':' + powNonce) starting with `difficulty` zero bits "
                    + "and send challenge and nonce with the code. Errors: RATE_LIMITED (429)")
    public PowChallenge challenge(HttpServletRequest req) {
        limiter.check(NetworkLimiter.Action.VERIFICATION, req.getRemoteAddr());
        return challenges.issue();
    }
}
