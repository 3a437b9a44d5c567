package vn.bluezone.server.keys.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.bluezone.server.keys.KeysProperties;
import vn.bluezone.server.support.MutableClock;

class AttemptLimiterTest {
    private static KeysProperties props(int clientBurst, int perHour, int globalBurst, int globalPerSecond) {
        KeysProperties defaults = new org.springframework.boot.context.properties.bind.Binder()
                .bindOrCreate("bluezone.keys", KeysProperties.class);
        return new KeysProperties(defaults.verification(),
                new KeysProperties.RateLimit(true, clientBurst, perHour, globalBurst, globalPerSecond, false),
                defaults.submission(), defaults.export(), defaults.deviceConfig(), defaults.signing());
    }

    @Test
    void perClientBurstThenRefill() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
        AttemptLimiter limiter = new LocalAttemptLimiter(props(3, 60, 1000, 100), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        }
        AttemptLimiter.Decision refused = limiter.tryAcquire("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isBetween(1L, 60L);
        assertThat(limiter.tryAcquire("b").allowed()).isTrue(); // another address is not affected
        clock.advance(Duration.ofMinutes(1)); // 60 an hour: one more token a minute
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    }

    @Test
    void globalLimitStopsADistributedAttack() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
        AttemptLimiter limiter = new LocalAttemptLimiter(props(10, 60, 50, 1), clock);
        int allowed = 0;
        for (int i = 0; i < 500; i++) {
            if (limiter.tryAcquire("10.0." + (i / 250) + "." + (i % 250)).allowed()) {
                allowed++;
            }
        }
        assertThat(allowed).isEqualTo(50);
    }
}
