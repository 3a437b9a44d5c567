package vn.bluezone.protocol;

import java.time.Instant;

/**
 * ENIntervalNumber: the number of 10-minute intervals since the Unix epoch, an unsigned 32-bit value
 * (Exposure Notification cryptography specification v1.2). Kept as a long to stay unsigned-safe.
 */
public final class EnIntervalNumber {
    public static final int INTERVAL_SECONDS = 600;
    /** Intervals per day: a daily TEK's rolling period. */
    public static final int TEK_ROLLING_PERIOD = 144;

    private EnIntervalNumber() {
    }

    public static long of(Instant t) {
        return of(t.getEpochSecond());
    }

    public static long of(long unixSeconds) {
        if (unixSeconds < 0) {
            throw new IllegalArgumentException("time before the Unix epoch");
        }
        long n = Math.floorDiv(unixSeconds, INTERVAL_SECONDS);
        if (n > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("interval number exceeds 32 bits");
        }
        return n;
    }

    /** Start of the UTC day (a multiple of 144) containing interval {@code n}. */
    public static long dayStart(long n) {
        return n - Math.floorMod(n, TEK_ROLLING_PERIOD);
    }

    public static Instant toInstant(long n) {
        return Instant.ofEpochSecond(n * INTERVAL_SECONDS);
    }
}
