package vn.bluezone.server.keys.submission.rules;

import vn.bluezone.api.ErrorCode;
import vn.bluezone.protocol.TemporaryExposureKey;

/** {@code INVALID_ROLLING_PERIOD}: the rolling period is present and 1..144 (ten-minute intervals of one day). */
public final class RollingPeriodValid implements KeyRule {
    @Override
    public ErrorCode check(UploadedKey key) {
        Integer period = key.key().rollingPeriod();
        return period == null || period < 1 || period > TemporaryExposureKey.MAX_ROLLING_PERIOD
                ? ErrorCode.INVALID_ROLLING_PERIOD : null;
    }
}
