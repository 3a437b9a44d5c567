package vn.bluezone.server.web.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import vn.bluezone.server.keys.KeySecrets;
import vn.bluezone.server.keys.KeysProperties;
import vn.bluezone.server.support.MutableClock;
import vn.bluezone.server.support.TestKeysProperties;
import vn.bluezone.server.problem.DomainException;

/** Per address and per /24 or /56, in fixed windows; a client with many addresses of one network counts once. */
class NetworkLimiterTest {
    final MutableClock clock = new MutableClock(Instant.parse("2030-01-07T10:00:00Z"));
    final LocalWindowCounters counters = new LocalWindowCounters(clock);

    NetworkLimiter limiter(int perAddress, int perPrefix, boolean enabled) {
        NetworkLimitsProperties p = new NetworkLimitsProperties(true, Duration.ofHours(1), perPrefix, perAddress,
                perPrefix, perAddress, perPrefix, perAddress, perPrefix);
        KeysProperties k = TestKeysProperties.withSecret(enabled);
        return new NetworkLimiter(p, k, counters, new KeySecrets(k, null, new SecureRandom(), clock), clock);
    }

    @Test
    void manyAddressesOfOnePrefixShareItsBudget() {
        NetworkLimiter l = limiter(3, 10, true);
        int allowed = 0;
        for (int host = 1; host <= 50; host++) { // 50 addresses of 198.51.100.0/24, 2 requests each
            for (int i = 0; i < 2; i++) {
                allowed += l.tryAcquire(NetworkLimiter.Action.REGISTRATION, "198.51.100." + host).allowed() ? 1 : 0;
            }
        }
        assertThat(allowed).isEqualTo(10);
        assertThat(l.tryAcquire(NetworkLimiter.Action.REGISTRATION, "198.51.101.1").allowed()).isTrue(); // next /24
        assertThat(l.tryAcquire(NetworkLimiter.Action.HEARTBEAT, "198.51.100.1").allowed()).isTrue(); // own counters
        NetworkLimiter.Decision refused = l.tryAcquire(NetworkLimiter.Action.REGISTRATION, "198.51.100.77");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(3600);
        clock.advance(Duration.ofMinutes(45));
        assertThat(l.tryAcquire(NetworkLimiter.Action.REGISTRATION, "198.51.100.77").retryAfterSeconds()).isEqualTo(900);
        clock.advance(Duration.ofMinutes(15));
        assertThat(l.tryAcquire(NetworkLimiter.Action.REGISTRATION, "198.51.100.77").allowed()).isTrue();
    }

    @Test
    void oneAddressIsLimitedBeforeItsPrefix() {
        NetworkLimiter l = limiter(3, 100, true);
        for (int i = 0; i < 3; i++) {
            l.check(NetworkLimiter.Action.HEARTBEAT, "2001:db8:5:100::1");
        }
        assertThatThrownBy(() -> l.check(NetworkLimiter.Action.HEARTBEAT, "2001:db8:5:100::1"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("RATE_LIMITED");
                    assertThat(e.retryAfterSeconds()).isEqualTo(3600);
                });
        l.check(NetworkLimiter.Action.HEARTBEAT, "2001:db8:5:1ff::1"); // same /56, other address
    }

    @Test
    void forgetsEndedWindows() {
        NetworkLimiter l = limiter(3, 100, true);
        l.tryAcquire(NetworkLimiter.Action.REGISTRATION, "203.0.113.5");
        assertThat(counters.size()).isEqualTo(2);
        clock.advance(Duration.ofHours(1));
        counters.prune();
        assertThat(counters.size()).isZero();
    }

    @Test
    void offWithEveryLimiter() {
        NetworkLimiter l = limiter(1, 1, false);
        for (int i = 0; i < 5; i++) {
            assertThat(l.tryAcquire(NetworkLimiter.Action.REGISTRATION, "203.0.113.5").allowed()).isTrue();
        }
    }
}
