package vn.bluezone.server.keys.guessing;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.bluezone.server.keys.KeysProperties;
import vn.bluezone.server.web.limits.WindowCounters;

/**
 * How many 8-digit guesses the whole server (all instances, with the shared counters) checks per window. A guess
 * names one of 10^8 codes, so a given code is hit by a guess with probability 10^-8 whatever the guesser's address:
 * the chance that a code is guessed in its lifetime is (guesses checked during it) / 10^8, and only a bound on all
 * guesses together bounds it. A code lives {@code short-code-validity} (15 min) and so overlaps at most
 * {@code lifetime / window + 1} windows; the cap per window keeps their sum under {@code target-probability x 10^8}
 * (24 a window with the defaults: at most 96 checked guesses in any code's life, 9.6e-7). Within the cap the budget
 * follows the codes outstanding ({@code per-outstanding-code} each, at least {@code minimum-budget}): with few codes
 * out, few typos are to be expected. A guess reserves its place before it is checked and gives it back when it was
 * right, so concurrent requests never check more than the budget.
 */
@Component
public class GuessBudget {
    static final String SUBJECT = "guesses";
    private static final double CODE_SPACE = 1e8;
    private static final long OUTSTANDING_CACHE_MILLIS = 10_000;

    private final GuessingProperties props;
    private final WindowCounters counters;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final long windowSeconds;
    private final long cap;
    private volatile long outstanding = -1;
    private volatile long outstandingReadAt;

    public GuessBudget(GuessingProperties props, KeysProperties keys, WindowCounters counters, Clock clock, JdbcClient jdbc) {
        this.props = props;
        this.counters = counters;
        this.clock = clock;
        this.jdbc = jdbc;
        this.windowSeconds = props.window().toSeconds();
        long lifetime = keys.verification().shortCodeValidity().toSeconds();
        this.cap = capPerWindow(props.targetProbability(), lifetime, windowSeconds);
    }

    /** The most guesses a window may check so that any code's lifetime sees fewer than {@code p x 10^8}. */
    static long capPerWindow(double p, long lifetimeSeconds, long windowSeconds) {
        long windows = windowsPerLifetime(lifetimeSeconds, windowSeconds);
        return Math.max(0, (long) Math.ceil(p * CODE_SPACE / windows) - 1);
    }

    /** Fixed windows a code's lifetime can overlap. */
    static long windowsPerLifetime(long lifetimeSeconds, long windowSeconds) {
        return (lifetimeSeconds + windowSeconds - 1) / windowSeconds + 1;
    }

    /** Where the current window stands. */
    public record State(long used, long budget, long windowEnd, long now) {
        public boolean exhausted() {
            return used >= budget;
        }

        public long secondsLeft() {
            return Math.max(1, windowEnd - now);
        }
    }

    public State state() {
        long now = Math.floorDiv(clock.millis(), 1000);
        long start = WindowCounters.windowStart(now, windowSeconds);
        return new State(counters.get(SUBJECT, start), budget(), start + windowSeconds, now);
    }

    /** This window's budget: follows the codes outstanding, never above the cap. */
    public long budget() {
        long perCodes = (long) props.perOutstandingCode() * outstandingShortCodes();
        return Math.min(cap, Math.max(props.minimumBudget(), perCodes));
    }

    public long cap() {
        return cap;
    }

    /** Takes one place in the current window; false (nothing taken) when the budget is used up. */
    public boolean tryReserve() {
        long now = Math.floorDiv(clock.millis(), 1000);
        long start = WindowCounters.windowStart(now, windowSeconds);
        long budget = budget();
        if (counters.add(SUBJECT, start, start + windowSeconds, 1) > budget) {
            counters.add(SUBJECT, start, start + windowSeconds, -1);
            return false;
        }
        return true;
    }

    /** Gives back the place of a guess that was right (a phone with its code is not a failed guess). */
    public void refund(long reservedAtSecond) {
        long start = WindowCounters.windowStart(reservedAtSecond, windowSeconds);
        counters.add(SUBJECT, start, start + windowSeconds, -1);
    }

    /** Short codes that could still be claimed, read at most every 10 s. */
    long outstandingShortCodes() {
        long t = clock.millis();
        if (outstanding < 0 || t - outstandingReadAt > OUTSTANDING_CACHE_MILLIS || t < outstandingReadAt) {
            Long n = jdbc.sql("""
                    SELECT COUNT(*) FROM verification_code
                    WHERE short_expires_at > ? AND claimed_at IS NULL AND expired_at IS NULL""")
                    .param(clock.instant().atOffset(ZoneOffset.UTC)).query(Long.class).single();
            outstanding = n == null ? 0 : n;
            outstandingReadAt = t;
        }
        return outstanding;
    }
}
