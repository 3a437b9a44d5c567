package vn.bluezone.server.keys.submission.rules;

import vn.bluezone.api.ErrorCode;
import vn.bluezone.api.submission.DiagnosisKeysRequest;
import vn.bluezone.server.problem.DomainException;

/** {@code MISSING_CERTIFICATE}: an upload carries the verification certificate (not blank). */
public final class CertificatePresent implements UploadRule {
    @Override
    public void check(DiagnosisKeysRequest request) {
        if (request.certificate() == null || request.certificate().isBlank()) {
            throw new DomainException(ErrorCode.MISSING_CERTIFICATE, "certificate is required");
        }
    }
}
