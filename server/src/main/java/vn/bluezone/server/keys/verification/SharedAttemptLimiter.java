package vn.bluezone.server.keys.verification;

import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;
import vn.bluezone.server.db.Savepoints;
import vn.bluezone.server.keys.KeySecrets;
import vn.bluezone.server.keys.KeysProperties;

/**
 * {@link AttemptLimiter} whose counts live in the database ({@code attempt_window}), so that any number of server
 * instances share one budget per client and one for the whole server. Fixed windows instead of token buckets,
 * since a window is one row that every instance can increment atomically: the client window lasts
 * {@code clientBurst / clientPerHour} hours and allows {@code clientBurst} attempts (10 per 10 minutes with the
 * defaults, the same 60 an hour); the global one lasts {@code globalBurst / globalPerSecond} seconds (2000 per 10 s).
 * Across a window boundary a client can get up to twice its burst, against the token bucket's burst plus refill.
 * Windows are aligned to the epoch on each instance's clock (keep them in NTP sync). Clients are stored as a keyed
 * hash of their address ({@link KeySecrets#clientHash}). Every attempt is one short transaction per counter; the
 * global row is a single hot row, fine at the configured hundreds of attempts a second.
 */
public class SharedAttemptLimiter implements AttemptLimiter {
    static final String GLOBAL = "global";
    private static final long MAX_WINDOW_SECONDS = 86_400;

    private final KeysProperties.RateLimit limits;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Savepoints savepoints;
    private final KeySecrets secrets;
    private final Window client;
    private final Window global;

    public SharedAttemptLimiter(KeysProperties props, Clock clock, JdbcTemplate jdbc, TransactionTemplate tx,
                                Savepoints savepoints, KeySecrets secrets) {
        this.limits = props.rateLimit();
        this.clock = clock;
        this.jdbc = jdbc;
        this.tx = tx;
        this.savepoints = savepoints;
        this.secrets = secrets;
        this.client = Window.of(limits.clientBurst(), limits.clientPerHour(), 3600);
        this.global = Window.of(limits.globalBurst(), limits.globalPerSecond(), 1);
    }

    /** A fixed window: {@code limit} attempts per {@code seconds}. */
    record Window(long seconds, int limit) {
        /** The window for a budget of {@code burst} at once and {@code rate} per {@code periodSeconds}. */
        static Window of(long burst, long rate, long periodSeconds) {
            long seconds = Math.max(1, Math.min(MAX_WINDOW_SECONDS, ceilDiv(burst * periodSeconds, rate)));
            return new Window(seconds, (int) Math.min(Integer.MAX_VALUE, Math.max(burst, rate * seconds / periodSeconds)));
        }
    }

    private static long ceilDiv(long a, long b) { // Math.ceilDiv is Java 18
        return -Math.floorDiv(-a, b);
    }

    Window clientWindow() {
        return client;
    }

    Window globalWindow() {
        return global;
    }

    @Override
    public Decision tryAcquire(String clientAddress) {
        if (!limits.enabled()) {
            return new Decision(true, 0);
        }
        long now = clock.millis();
        Decision c = count(secrets.clientHash(clientAddress == null ? "?" : clientAddress), client, now);
        if (!c.allowed()) {
            return c;
        }
        return count(GLOBAL, global, now);
    }

    private Decision count(String subject, Window w, long nowMillis) {
        long nowSeconds = Math.floorDiv(nowMillis, 1000);
        long start = nowSeconds - Math.floorMod(nowSeconds, w.seconds());
        long end = start + w.seconds();
        int attempts = increment(subject, start, end);
        if (attempts <= w.limit()) {
            return new Decision(true, 0);
        }
        return new Decision(false, Math.max(1, ceilDiv(end * 1000 - nowMillis, 1000)));
    }

    /**
     * Adds one attempt to the window's row and returns its count. UPDATE first (the usual case); when no row is
     * there, INSERT inside a savepoint, since another instance may insert the same row at the same moment and
     * PostgreSQL would otherwise abort the transaction on the duplicate key; then UPDATE again.
     */
    private int increment(String subject, long start, long end) {
        Integer n = tx.execute(status -> {
            if (bump(subject, start) == 0) {
                try {
                    savepoints.attempt(() -> jdbc.update("""
                            INSERT INTO attempt_window (subject, window_start, window_end, attempts)
                            VALUES (?, ?, ?, 1)""", subject, start, end));
                    return 1;
                } catch (DuplicateKeyException raced) {
                    bump(subject, start);
                }
            }
            // The row is locked by this transaction's UPDATE: the count read is this attempt's.
            return jdbc.queryForObject("SELECT attempts FROM attempt_window WHERE subject = ? AND window_start = ?",
                    Integer.class, subject, start);
        });
        return n == null ? Integer.MAX_VALUE : n;
    }

    private int bump(String subject, long start) {
        return jdbc.update("UPDATE attempt_window SET attempts = attempts + 1 WHERE subject = ? AND window_start = ?",
                subject, start);
    }

    /** Deletes the rows of windows that have ended; returns how many. */
    public int deleteExpired() {
        return jdbc.update("DELETE FROM attempt_window WHERE window_end <= ?", Math.floorDiv(clock.millis(), 1000));
    }

    @Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
    public void prune() {
        deleteExpired();
    }
}
