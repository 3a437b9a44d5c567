package vn.bluezone.server.keys.submission.rules;

import vn.bluezone.api.ErrorCode;
import vn.bluezone.api.submission.DiagnosisKeysRequest;
import vn.bluezone.server.problem.DomainException;

/** {@code TOO_MANY_KEYS}: at most {@code submission.max-keys} (30) keys per upload. */
public final class KeyCountLimit implements UploadRule {
    private final int maxKeys;

    public KeyCountLimit(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    @Override
    public void check(DiagnosisKeysRequest request) {
        if (request.temporaryExposureKeys() != null && request.temporaryExposureKeys().size() > maxKeys) {
            throw new DomainException(ErrorCode.TOO_MANY_KEYS, "at most " + maxKeys + " keys per upload");
        }
    }
}
