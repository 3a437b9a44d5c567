package vn.bluezone.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Growing delays after failed console logins, per account and per client address (issue 15 §4: 300 wrong
 * administrator passwords in 30 s went unnoticed, then the right one worked). After {@link #FREE_FAILURES} failures
 * of an account (or {@link #FREE_FAILURES_PER_ADDRESS} from one address, which may be an office behind one NAT)
 * every further attempt must wait 2, 4, 8, ... seconds after the last failure, up to 15 minutes; during the wait
 * even the right password is refused. A success clears the account's count; counts are forgotten a day after the
 * last failure. Kept in memory per instance (a restart forgets them; N instances allow N times the attempts,
 * still at most a few per quarter hour each).
 */
@Component
public class LoginThrottle {
    public static final int FREE_FAILURES = 5;
    public static final int FREE_FAILURES_PER_ADDRESS = 20;
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofDays(1);

    private record Failures(int count, Instant last) {
    }

    private final Map<String, Failures> accounts = new ConcurrentHashMap<>();
    private final Map<String, Failures> addresses = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Seconds to wait before this account may try again from this address; 0 when it may try now. */
    public long waitSeconds(String username, String address) {
        Instant now = clock.instant();
        long a = wait(accounts.get(key(username)), FREE_FAILURES, now);
        long b = wait(addresses.get(address), FREE_FAILURES_PER_ADDRESS, now);
        return Math.max(a, b);
    }

    /** Counts a failed login; returns the failures of the account so far. */
    public int failed(String username, String address) {
        Instant now = clock.instant();
        if (address != null) {
            addresses.merge(address, new Failures(1, now), (old, one) -> next(old, now));
        }
        int n = accounts.merge(key(username), new Failures(1, now), (old, one) -> next(old, now)).count();
        if (accounts.size() + addresses.size() > 100_000) {
            forgetOld(now);
        }
        return n;
    }

    public void succeeded(String username) {
        accounts.remove(key(username));
    }

    private static Failures next(Failures old, Instant now) {
        boolean stale = Duration.between(old.last(), now).compareTo(FORGET_AFTER) > 0;
        return new Failures(stale ? 1 : old.count() + 1, now);
    }

    private static long wait(Failures f, int free, Instant now) {
        if (f == null || f.count() < free || Duration.between(f.last(), now).compareTo(FORGET_AFTER) > 0) {
            return 0;
        }
        int over = Math.min(f.count() - free + 1, 20);
        Duration delay = Duration.ofSeconds(1L << over);
        if (delay.compareTo(MAX_DELAY) > 0) {
            delay = MAX_DELAY;
        }
        Duration left = Duration.between(now, f.last().plus(delay));
        return left.isNegative() || left.isZero() ? 0 : Math.max(1, left.toSeconds());
    }

    private void forgetOld(Instant now) {
        accounts.values().removeIf(f -> Duration.between(f.last(), now).compareTo(FORGET_AFTER) > 0);
        addresses.values().removeIf(f -> Duration.between(f.last(), now).compareTo(FORGET_AFTER) > 0);
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
