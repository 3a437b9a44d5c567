package vn.bluezone.bench.keyserver;

import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounded retries of a preparation request that the server refused for now: 503 (e.g. {@code BUSY}, when more
 * officials' requests arrive at once than {@code bluezone.http.blocking-body-reads}, as on a fresh server) and 429
 * ({@code RATE_LIMITED}). It waits as the answer's {@code Retry-After} says (seconds or an HTTP date), capped at
 * {@link #MAX_WAIT_MILLIS}; without one it backs off 1, 2, 4 ... s. After {@link #MAX_ATTEMPTS} attempts the last
 * answer is returned and the caller reports it as a failure. The timed phases never retry: a refused upload counts
 * as failed.
 */
final class BusyRetry {
    static final int MAX_ATTEMPTS = 6;
    static final long MAX_WAIT_MILLIS = 30_000;

    /** Waits; a test passes one that records instead. */
    interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /** One try of the request. */
    interface Attempt {
        KeepAliveConnection.Response send() throws IOException;
    }

    private final Sleeper sleeper;
    private final AtomicInteger retries = new AtomicInteger();

    BusyRetry(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    static BusyRetry sleeping() {
        return new BusyRetry(Thread::sleep);
    }

    /** Retries made so far (over all requests). */
    int retries() {
        return retries.get();
    }

    KeepAliveConnection.Response send(Attempt attempt) throws IOException, InterruptedException {
        for (int n = 1; ; n++) {
            KeepAliveConnection.Response r = attempt.send();
            if (!retriable(r.status()) || n >= MAX_ATTEMPTS) {
                return r;
            }
            retries.incrementAndGet();
            sleeper.sleep(waitMillis(r.retryAfter(), n, Instant.now()));
        }
    }

    static boolean retriable(int status) {
        return status == 503 || status == 429;
    }

    /** How long to wait after the n-th attempt (1-based) was refused with this Retry-After value. */
    static long waitMillis(String retryAfter, int attempt, Instant now) {
        long backoff = Math.min(MAX_WAIT_MILLIS, 1000L << Math.min(attempt - 1, 15));
        if (retryAfter == null || retryAfter.isBlank()) {
            return backoff;
        }
        String v = retryAfter.trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? backoff : Math.min(MAX_WAIT_MILLIS, seconds * 1000);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Math.max(0, Math.min(MAX_WAIT_MILLIS, at.toEpochMilli() - now.toEpochMilli()));
            } catch (DateTimeParseException unreadable) {
                return backoff;
            }
        }
    }
}
