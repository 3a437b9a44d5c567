package vn.bluezone.server.keys.submission.rules;

import vn.bluezone.api.ErrorCode;

/** {@code ROLLING_START_IN_FUTURE}: the key started no later than the server's current interval. */
public final class NotInFuture implements KeyRule {
    private final long nowInterval;

    public NotInFuture(long nowInterval) {
        this.nowInterval = nowInterval;
    }

    @Override
    public ErrorCode check(UploadedKey key) {
        return key.key().rollingStartIntervalNumber() > nowInterval ? ErrorCode.ROLLING_START_IN_FUTURE : null;
    }
}
