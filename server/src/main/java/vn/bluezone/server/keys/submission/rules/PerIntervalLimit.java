package vn.bluezone.server.keys.submission.rules;

import java.util.HashMap;
import java.util.Map;
import vn.bluezone.api.ErrorCode;

/**
 * {@code TOO_MANY_KEYS_FOR_INTERVAL}: at most {@code submission.max-keys-per-start-interval} (3) keys share a
 * rolling start; a phone has one key a day, a few when it was reset, never many.
 */
public final class PerIntervalLimit implements KeyRule {
    private final int max;
    private final Map<Integer, Integer> perStart = new HashMap<>();

    public PerIntervalLimit(int max) {
        this.max = max;
    }

    @Override
    public ErrorCode check(UploadedKey key) {
        return perStart.merge(key.key().rollingStartIntervalNumber(), 1, Integer::sum) > max
                ? ErrorCode.TOO_MANY_KEYS_FOR_INTERVAL : null;
    }
}
