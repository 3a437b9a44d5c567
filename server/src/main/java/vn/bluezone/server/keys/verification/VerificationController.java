package vn.bluezone.server.keys.verification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.bluezone.api.ApiPaths;
import vn.bluezone.api.verification.CertificateRequest;
import vn.bluezone.api.verification.CertificateResponse;
import vn.bluezone.api.verification.VerifyRequest;
import vn.bluezone.api.verification.VerifyResponse;
import vn.bluezone.server.problem.DomainException;
import vn.bluezone.server.keys.guessing.ShortCodeGuard;
import vn.bluezone.server.web.ContractValidator;
import vn.bluezone.server.web.limits.NetworkLimiter;

/** Device side of verification: code → token → certificate. Public, rate limited per address and globally. */
@RestController
@Tag(name = "verification", description = "Phones exchange a health officer's code for an upload certificate")
public class VerificationController {
    private final VerificationService service;
    private final AttemptLimiter limiter;
    private final NetworkLimiter networks;
    private final ShortCodeGuard guard;

    public VerificationController(VerificationService service, AttemptLimiter limiter, NetworkLimiter networks,
                                  ShortCodeGuard guard) {
        this.service = service;
        this.limiter = limiter;
        this.networks = networks;
        this.guard = guard;
    }

    @InitBinder
    void contract(WebDataBinder binder) {
        binder.addValidators(new ContractValidator());
    }

    @PostMapping(ApiPaths.VERIFY)
    @Operation(summary = "Exchange a verification code for a single-use token (24 h)",
            description = "Errors: CODE_INVALID, CODE_USED, CODE_EXPIRED, PROOF_OF_WORK_INVALID (400), RATE_LIMITED, "
                    + "PROOF_OF_WORK_REQUIRED (429: solve GET /api/v1/verify/challenge and resend)")
    public VerifyResponse verify(@Valid @RequestBody VerifyRequest body, HttpServletRequest req) {
        limit(req);
        ShortCodeGuard.Admission guess = guard.admit(body); // the server-wide guess budget (issue 15 §2)
        VerificationService.VerifiedToken t = service.verify(body.code());
        guess.succeeded();
        return new VerifyResponse(t.token(), t.reportType(), t.symptomDate(), t.testDate(), t.expiresAt());
    }

    @PostMapping(ApiPaths.CERTIFICATE)
    @Operation(summary = "Exchange a token and the keys' HMAC for a signed certificate (15 min)",
            description = "ekeyhmac = base64(HMAC-SHA256(hmacKey, sorted 'base64(key).rollingStart.rollingPeriod."
                    + "transmissionRisk' joined by ',')). Errors: TOKEN_INVALID, TOKEN_USED, TOKEN_EXPIRED, "
                    + "INVALID_EKEYHMAC (400), RATE_LIMITED (429)")
    public CertificateResponse certificate(@Valid @RequestBody CertificateRequest body, HttpServletRequest req) {
        limit(req);
        VerificationService.IssuedCertificate c = service.certificate(body.token(), body.ekeyhmac());
        return new CertificateResponse(c.certificate(), c.expiresAt());
    }

    private void limit(HttpServletRequest req) {
        networks.check(NetworkLimiter.Action.VERIFICATION, req.getRemoteAddr()); // per network prefix
        AttemptLimiter.Decision d = limiter.tryAcquire(req.getRemoteAddr());
        if (!d.allowed()) {
            throw DomainException.rateLimited(d.retryAfterSeconds());
        }
    }
}
