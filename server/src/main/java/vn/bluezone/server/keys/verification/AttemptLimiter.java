package vn.bluezone.server.keys.verification;

/**
 * Limits code and token guesses per client address and for the whole server. With the defaults (10 at once, then
 * 60 an hour per address) guessing one of 10^8 short codes by chance within a code's 15 minutes is hopeless for a
 * single client, and the global budget caps a distributed attack. {@link LocalAttemptLimiter} (in memory, per
 * instance) by default; {@link SharedAttemptLimiter} (the database, one budget for all instances) with
 * {@code bluezone.keys.rate-limit.shared=true}.
 */
public interface AttemptLimiter {

    /** Result of an attempt: allowed, or refused with the seconds until the next attempt may succeed. */
    record Decision(boolean allowed, long retryAfterSeconds) {
    }

    /** Counts one attempt from {@code clientAddress} (null counts as one unknown client). */
    Decision tryAcquire(String clientAddress);
}
