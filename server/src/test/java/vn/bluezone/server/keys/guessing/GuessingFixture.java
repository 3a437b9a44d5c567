package vn.bluezone.server.keys.guessing;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import vn.bluezone.server.keys.KeySecrets;
import vn.bluezone.server.keys.KeysProperties;
import vn.bluezone.server.support.MutableClock;
import vn.bluezone.server.support.TestKeysProperties;
import vn.bluezone.server.web.limits.LocalWindowCounters;


/** The guessing pieces over in-memory counters, with a settable number of outstanding codes. */
final class GuessingFixture {
    final MutableClock clock = new MutableClock(Instant.parse("2030-01-07T10:00:00Z")); // a multiple of 5 min
    final LocalWindowCounters counters = new LocalWindowCounters(clock);
    final KeysProperties keys = TestKeysProperties.withSecret(true);
    final GuessingProperties props;
    long outstanding;
    final GuessBudget budget;
    final ProofOfWorkChallenges challenges;
    final ShortCodeGuard guard;

    GuessingFixture(int powDifficulty) {
        props = new GuessingProperties(true, Duration.ofMinutes(5), 1e-6, 3, 6, 0.5, powDifficulty, Duration.ofMinutes(5));
        budget = new GuessBudget(props, keys, counters, clock, null) {
            @Override
            long outstandingShortCodes() {
                return outstanding;
            }
        };
        challenges = new ProofOfWorkChallenges(props, new KeySecrets(keys, null, new SecureRandom(), clock), counters,
                new SecureRandom(), clock);
        guard = new ShortCodeGuard(props, keys, budget, challenges, clock);
    }
}
