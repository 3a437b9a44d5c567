package vn.bluezone.server.keys.verification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.server.accounts.CurrentOfficial;
import vn.bluezone.server.accounts.Role;

/** Health officers issue, look up and expire verification codes. */
@RestController
@RequestMapping("/api/v1/admin/codes")
@Tag(name = "verification codes", description = "Health officers issue one-time codes for confirmed cases")
public class CodesController {
    private final VerificationService service;
    private final CurrentOfficial current;

    public CodesController(VerificationService service, CurrentOfficial current) {
        this.service = service;
        this.current = current;
    }

    /**
     * @param reportType  CONFIRMED_TEST, CONFIRMED_CLINICAL_DIAGNOSIS or RECURSIVE (an F1 declared a case of concern)
     * @param symptomDate symptom onset (yyyy-mm-dd), at most 28 days back; or
     * @param testDate    test date
     * @param region      province code of the case; defaults to the officer's province
     * @param caseReference the case file's short reference (optional; letters, digits, - / .; never a name)
     */
    public record NewCode(@NotNull ReportType reportType, LocalDate symptomDate, LocalDate testDate,
                          @Size(max = 8) String region, @Size(max = 32) String caseReference) {
    }

    private vn.bluezone.server.accounts.Official issuer() {
        return current.requireRole(VerificationService.ISSUERS.toArray(Role[]::new));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a one-time code (8 digits, 15 min; and 16 characters for SMS, 24 h)")
    public VerificationService.IssuedCode issue(@Valid @RequestBody NewCode body) {
        return service.issue(issuer(), new VerificationService.IssueRequest(body.reportType(), body.symptomDate(),
                body.testDate(), body.region(), body.caseReference()));
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
