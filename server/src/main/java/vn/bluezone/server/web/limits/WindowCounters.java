package vn.bluezone.server.web.limits;

/**
 * Counters in fixed time windows, keyed by a subject (at most 64 characters, never a raw address): what the prefix
 * limits, the verification guess budget and the single use of proof-of-work challenges count in. In memory per
 * instance ({@link LocalWindowCounters}) or, with {@code bluezone.keys.rate-limit.shared=true}, in the database
 * table {@code attempt_window} that every instance shares ({@link DatabaseWindowCounters}).
 */
public interface WindowCounters {

    /** Adds {@code delta} (may be negative) to the subject's count in the window starting at {@code windowStart}
     *  (epoch seconds; it ends at {@code windowEnd}) and returns the count after this change. */
    long add(String subject, long windowStart, long windowEnd, int delta);

    /** The subject's count in the window, 0 when nothing was counted. */
    long get(String subject, long windowStart);

    /** The start of the fixed window of {@code seconds} that holds {@code epochSecond} (windows aligned to the epoch). */
    static long windowStart(long epochSecond, long seconds) {
        return epochSecond - Math.floorMod(epochSecond, seconds);
    }
}
