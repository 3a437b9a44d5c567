package vn.bluezone.server.keys.submission.rules;

import vn.bluezone.api.ErrorCode;
import vn.bluezone.api.submission.DiagnosisKeysRequest;
import vn.bluezone.server.problem.DomainException;

/** {@code NO_KEYS}: an upload carries at least one key. */
public final class KeysPresent implements UploadRule {
    private final int maxKeys;

    public KeysPresent(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    @Override
    public void check(DiagnosisKeysRequest request) {
        if (request.temporaryExposureKeys() == null || request.temporaryExposureKeys().isEmpty()) {
            throw new DomainException(ErrorCode.NO_KEYS, "temporaryExposureKeys must hold 1 to " + maxKeys + " keys");
        }
    }
}
