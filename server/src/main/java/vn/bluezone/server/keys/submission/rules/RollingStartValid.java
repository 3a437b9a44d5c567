package vn.bluezone.server.keys.submission.rules;

import vn.bluezone.api.ErrorCode;

/** {@code INVALID_ROLLING_START}: the rolling start interval number is present and not negative. */
public final class RollingStartValid implements KeyRule {
    @Override
    public ErrorCode check(UploadedKey key) {
        Integer start = key.key().rollingStartIntervalNumber();
        return start == null || start < 0 ? ErrorCode.INVALID_ROLLING_START : null;
    }
}
