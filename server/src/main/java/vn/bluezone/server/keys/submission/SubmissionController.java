package vn.bluezone.server.keys.submission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.bluezone.api.ApiPaths;
import vn.bluezone.api.submission.DiagnosisKeysRequest;
import vn.bluezone.api.submission.DiagnosisKeysResponse;

/** A confirmed case's phone publishes its keys; fake ("chaff") uploads are answered alike and store nothing. */
@RestController
@Tag(name = "submission", description = "Publish a confirmed case's keys with a verification certificate")
public class SubmissionController {
    private final SubmissionService service;
    private final ChaffResponder chaff;

    public SubmissionController(SubmissionService service, ChaffResponder chaff) {
        this.service = service;
        this.chaff = chaff;
    }

    @PostMapping(ApiPaths.DIAGNOSIS_KEYS)
    @Operation(summary = "Upload 1..30 keys with a certificate; per-key results",
            description = "Request errors: NO_KEYS, TOO_MANY_KEYS, MISSING_CERTIFICATE, INVALID_HMAC_KEY, "
                    + "CERTIFICATE_INVALID, CERTIFICATE_EXPIRED, CERTIFICATE_USED, HMAC_MISMATCH (400). Per-key "
                    + "reasons: INVALID_KEY, INVALID_ROLLING_START, INVALID_ROLLING_PERIOD, INVALID_TRANSMISSION_RISK, "
                    + "ROLLING_START_IN_FUTURE, KEY_TOO_OLD, DUPLICATE_KEY, TOO_MANY_KEYS_FOR_INTERVAL. "
                    + "Optional checkins (≤ 100, bound by the certificate HMAC with the keys): per-item checkinResults; "
                    + "TOO_MANY_CHECKINS (400). Header X-Chaff: 1 marks a fake upload: same answer shape, nothing stored.")
    public ResponseEntity<DiagnosisKeysResponse> submit(@RequestHeader(value = ApiPaths.CHAFF_HEADER, required = false) String chaffHeader,
                                                         @RequestBody DiagnosisKeysRequest body) {
        long start = System.nanoTime();
        if (chaffHeader != null && !chaffHeader.isBlank() && !"0".equals(chaffHeader.trim())) {
            int n = body.temporaryExposureKeys() == null ? 0 : body.temporaryExposureKeys().size();
            int checkins = body.checkins() == null ? 0 : body.checkins().size();
            DiagnosisKeysResponse fake = chaff.fakeResponse(n, checkins);
            chaff.delay(start);
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(fake);
        }
        DiagnosisKeysResponse r = service.submit(body);
        chaff.recordReal(System.nanoTime() - start);
        chaff.recordRealSize(r);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(r);
    }
}
