package vn.bluezone.server.keys.guessing;

import java.time.Clock;
import org.springframework.stereotype.Component;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.api.verification.VerifyRequest;
import vn.bluezone.server.keys.KeysProperties;
import vn.bluezone.server.problem.DomainException;

/**
 * The verify endpoint's hook for 8-digit codes (issue 15 §2): before a guess is checked it must fit the server-wide
 * {@link GuessBudget}; once {@code pow-threshold} of the window's budget is used, only guesses with a solved
 * proof of work ({@link ProofOfWorkChallenges}) may take the rest (429 {@code PROOF_OF_WORK_REQUIRED} otherwise);
 * when all of it is used, everyone waits for the next window (429 {@code RATE_LIMITED}, {@code Retry-After}). A
 * flood of scripted guesses without the work thus stops at the threshold and leaves the rest to phones that solve
 * it; a flood that solves it too still never gets more than the cap checked. 16-character SMS codes pass untouched.
 */
@Component
public class ShortCodeGuard {
    private static final java.util.regex.Pattern SHORT = java.util.regex.Pattern.compile("\\d{8}");

    private final GuessingProperties props;
    private final boolean enabled;
    private final GuessBudget budget;
    private final ProofOfWorkChallenges challenges;
    private final Clock clock;

    /** Off with {@code bluezone.keys.guessing.enabled=false} or with every limiter ({@code bluezone.keys.rate-limit.enabled=false}). */
    public ShortCodeGuard(GuessingProperties props, KeysProperties keys, GuessBudget budget,
                          ProofOfWorkChallenges challenges, Clock clock) {
        this.enabled = props.enabled() && keys.rateLimit().enabled();
        this.props = props;
        this.budget = budget;
        this.challenges = challenges;
        this.clock = clock;
    }

    /** A guess let through; {@link #succeeded()} gives its place back when the code was right. */
    public interface Admission {
        Admission NONE = () -> { };

        void succeeded();
    }

    /** Admits the request's guess or throws the 429/400 that tells the phone what to do. */
    public Admission admit(VerifyRequest body) {
        if (!enabled || body == null || body.code() == null
                || !SHORT.matcher(body.code().replaceAll("[\\s-]", "")).matches()) {
            return Admission.NONE;
        }
        GuessBudget.State s = budget.state();
        if (s.exhausted()) {
            throw DomainException.rateLimited(s.secondsLeft());
        }
        if (s.used() >= Math.floor(props.powThreshold() * s.budget())) {
            if (body.powChallenge() == null) {
                throw new DomainException(ErrorCode.PROOF_OF_WORK_REQUIRED,
                        "many wrong codes were tried just now: solve the challenge of GET /api/v1/verify/challenge "
                                + "and send it with the code");
            }
            challenges.redeem(body.powChallenge(), body.powNonce());
        }
        long at = Math.floorDiv(clock.millis(), 1000);
        if (!budget.tryReserve()) {
            throw DomainException.rateLimited(budget.state().secondsLeft());
        }
        return () -> budget.refund(at);
    }
}
