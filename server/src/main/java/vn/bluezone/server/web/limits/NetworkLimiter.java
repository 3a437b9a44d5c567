package vn.bluezone.server.web.limits;

import java.time.Clock;
import org.springframework.stereotype.Component;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.problem.DomainException;

/**
 * Limits a public call per client address and per {@link NetworkPrefix} ({@link NetworkLimitsProperties}), so that a
 * client with many addresses of one network counts once for them all. Addresses and prefixes are counted under a
 * keyed hash ({@link ClientHasher}), never in clear.
 */
@Component
public class NetworkLimiter {
    /** The calls limited, each with its own counters. */
    public enum Action {
        VERIFICATION("v"), REGISTRATION("r"), HEARTBEAT("h"), ATTRIBUTION("a");

        private final String tag;

        Action(String tag) {
            this.tag = tag;
        }
    }

    /** Allowed, or refused with the seconds until the window ends. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private final NetworkLimitsProperties props;
    private final boolean enabled;
    private final WindowCounters counters;
    private final ClientHasher secrets;
    private final Clock clock;

    /** Off with {@code bluezone.network-limits.enabled=false} or with every limiter ({@code bluezone.keys.rate-limit.enabled=false}). */
    public NetworkLimiter(NetworkLimitsProperties props, RateLimitSwitches switches, WindowCounters counters, ClientHasher secrets,
                          Clock clock) {
        this.props = props;
        this.enabled = props.enabled() && switches.rateLimitsEnabled();
        this.counters = counters;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Counts one request of {@code action} from {@code address}. */
    public Decision tryAcquire(Action action, String address) {
        if (!enabled) {
            return new Decision(true, 0);
        }
        NetworkLimitsProperties.Limit limit = props.limit(action);
        long seconds = props.window().toSeconds();
        long now = Math.floorDiv(clock.millis(), 1000);
        long start = WindowCounters.windowStart(now, seconds);
        long end = start + seconds;
        String a = address == null ? "?" : address;
        if (limit.perAddress() > 0
                && counters.add(action.tag + ":a:" + secrets.clientHash(a), start, end, 1) > limit.perAddress()) {
            return new Decision(false, Math.max(1, end - now));
        }
        if (limit.perPrefix() > 0 && counters.add(action.tag + ":p:" + secrets.clientHash(NetworkPrefix.of(a).value()),
                start, end, 1) > limit.perPrefix()) {
            return new Decision(false, Math.max(1, end - now));
        }
        return new Decision(true, 0);
    }

    /** Like {@link #tryAcquire}, answering 429 {@code RATE_LIMITED} with {@code Retry-After} when refused. */
    public void check(Action action, String address) {
        Decision d = tryAcquire(action, address);
        if (!d.allowed()) {
            throw new DomainException(ErrorCode.RATE_LIMITED,
                    "too many requests from this network; try again in " + d.retryAfterSeconds() + " s",
                    d.retryAfterSeconds());
        }
    }
}
