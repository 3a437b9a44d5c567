package vn.bluezone.server.keys.verification;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;
import vn.bluezone.server.keys.KeysProperties;

/**
 * The default {@link AttemptLimiter}: a token bucket per client address and one for the whole server, in memory.
 * Per instance: several instances multiply every budget by their number ({@link SharedAttemptLimiter} does not).
 */
public class LocalAttemptLimiter implements AttemptLimiter {
    private static final int MAX_TRACKED_CLIENTS = 200_000;

    private final KeysProperties.RateLimit limits;
    private final Clock clock;
    private final Map<String, Bucket> clients = new ConcurrentHashMap<>();
    private final Bucket global;

    public LocalAttemptLimiter(KeysProperties props, Clock clock) {
        this.limits = props.rateLimit();
        this.clock = clock;
        this.global = new Bucket(limits.globalBurst(), limits.globalPerSecond(), clock.millis());
    }

    @Override
    public Decision tryAcquire(String clientAddress) {
        if (!limits.enabled()) {
            return new Decision(true, 0);
        }
        long now = clock.millis();
        if (clients.size() > MAX_TRACKED_CLIENTS) {
            prune();
        }
        Bucket client = clients.computeIfAbsent(clientAddress == null ? "?" : clientAddress,
                k -> new Bucket(limits.clientBurst(), limits.clientPerHour() / 3600.0, now));
        long clientWait = client.tryTake(now);
        if (clientWait > 0) {
            return new Decision(false, clientWait);
        }
        long globalWait = global.tryTake(now);
        if (globalWait > 0) {
            return new Decision(false, globalWait);
        }
        return new Decision(true, 0);
    }

    /** Forgets clients whose bucket has refilled: they would start full anyway. */
    @Scheduled(fixedDelay = 600_000)
    public void prune() {
        long now = clock.millis();
        clients.values().removeIf(b -> b.isFull(now));
    }

    /** A classic token bucket; synchronized per bucket (contention only among one client's own requests). */
    static final class Bucket {
        private final double capacity;
        private final double perSecond;
        private double tokens;
        private long last;

        Bucket(double capacity, double perSecond, long now) {
            this.capacity = capacity;
            this.perSecond = perSecond;
            this.tokens = capacity;
            this.last = now;
        }

        /** Takes a token and returns 0, or returns the whole seconds to wait for one. */
        synchronized long tryTake(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            if (now > last) {
                tokens = Math.min(capacity, tokens + (now - last) / 1000.0 * perSecond);
                last = now;
            }
        }
    }
}
