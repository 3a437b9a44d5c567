package vn.bluezone.server.web.limits;

/**
 * The one switch for every limiter and where limiters count, as the key server's settings say
 * ({@code bluezone.keys.rate-limit.enabled} / {@code .shared}). Declared here and supplied by the key server, so
 * that {@code web} depends on no feature.
 */
public interface RateLimitSwitches {
    /** False turns every limiter off (tests, load benchmarks). */
    boolean rateLimitsEnabled();

    /** True counts in the database, shared by every instance; false in this instance's memory. */
    boolean rateLimitsShared();
}
