package vn.bluezone.server.keys.submission.rules;

import vn.bluezone.api.ErrorCode;
import vn.bluezone.protocol.EnIntervalNumber;

/**
 * {@code KEY_TOO_OLD}: the key started on or after the start of today (UTC, as EN intervals count) minus
 * {@code submission.max-key-age-days} (14): older keys cannot matter to an exposure phones still remember.
 */
public final class NotTooOld implements KeyRule {
    private final long oldestStart;

    public NotTooOld(long nowInterval, int maxKeyAgeDays) {
        this.oldestStart = EnIntervalNumber.dayStart(nowInterval) - (long) maxKeyAgeDays * EnIntervalNumber.TEK_ROLLING_PERIOD;
    }

    @Override
    public ErrorCode check(UploadedKey key) {
        return key.key().rollingStartIntervalNumber() < oldestStart ? ErrorCode.KEY_TOO_OLD : null;
    }
}
