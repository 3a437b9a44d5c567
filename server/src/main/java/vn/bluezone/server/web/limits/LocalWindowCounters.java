package vn.bluezone.server.web.limits;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.scheduling.annotation.Scheduled;

/** {@link WindowCounters} in this instance's memory; ended windows are forgotten every minute. */
public class LocalWindowCounters implements WindowCounters {
    private record Key(String subject, long start) {
    }

    private record Count(long end, AtomicLong value) {
    }

    private static final int PRUNE_ABOVE = 500_000;
    private final Map<Key, Count> counts = new ConcurrentHashMap<>();
    private final Clock clock;

    public LocalWindowCounters(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long add(String subject, long windowStart, long windowEnd, int delta) {
        if (counts.size() > PRUNE_ABOVE) {
            prune();
        }
        return counts.computeIfAbsent(new Key(subject, windowStart), k -> new Count(windowEnd, new AtomicLong()))
                .value().addAndGet(delta);
    }

    @Override
    public long get(String subject, long windowStart) {
        Count c = counts.get(new Key(subject, windowStart));
        return c == null ? 0 : c.value().get();
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    public void prune() {
        long now = Math.floorDiv(clock.millis(), 1000);
        counts.values().removeIf(c -> c.end() <= now);
    }

    int size() {
        return counts.size();
    }
}
