package vn.bluezone.server.keys.verification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.bluezone.api.ApiPaths;
import vn.bluezone.api.officer.IssuedCode;
import vn.bluezone.api.officer.NewCode;
import vn.bluezone.server.accounts.CurrentOfficial;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.web.ContractValidator;

/** Health officers issue, look up and expire verification codes. */
@RestController
@RequestMapping(ApiPaths.ADMIN_CODES)
@Tag(name = "verification codes", description = "Health officers issue one-time codes for confirmed cases")
public class CodesController {
    private final VerificationService service;
    private final CurrentOfficial current;

    public CodesController(VerificationService service, CurrentOfficial current) {
        this.service = service;
        this.current = current;
    }

    @InitBinder
    void contract(WebDataBinder binder) {
        binder.addValidators(new ContractValidator());
    }

    /** Health officers, administrators and health stations ({@link VerificationService#ISSUERS}). */
    private vn.bluezone.server.accounts.Official issuer() {
        return current.requireRole(VerificationService.ISSUERS.toArray(Role[]::new));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a one-time code (8 digits, 15 min; and 16 characters for SMS, 24 h)")
    public IssuedCode issue(@Valid @RequestBody NewCode body) {
        VerificationService.IssuedCode c = service.issue(issuer(), new VerificationService.IssueRequest(
                body.reportType(), body.symptomDate(), body.testDate(), body.region(), body.caseReference()));
        return new IssuedCode(c.id(), c.shortCode(), c.shortCodeExpiresAt(), c.longCode(), c.longCodeExpiresAt(),
                c.reportType(), c.symptomDate(), c.testDate(), c.region(), c.caseReference());
    }

    @GetMapping
    @Operation(summary = "Codes the caller issued, newest first (administrators: all)")
    public List<VerificationService.CodeStatus> recent(@RequestParam(defaultValue = "50") int limit) {
        return service.recent(issuer(), limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Status of a code (by its id or the id's first 8 characters): UNCLAIMED, CLAIMED or EXPIRED")
    public VerificationService.CodeStatus status(@PathVariable String id) {
        return service.lookup(issuer(), id);
    }

    @PostMapping("/{id}/expire")
    @Operation(summary = "Expire an unused code at once")
    public VerificationService.CodeStatus expire(@PathVariable String id) {
        return service.expire(issuer(), id);
    }
}
