package vn.bluezone.protocol.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BluezoneIdMatcherTest {
    private static final LocalDate FIRST_DAY = LocalDate.of(2020, 8, 1);

    @Test
    void findsTheRightDayAndSlot() {
        SecureRandom random = new SecureRandom();
        Random pick = new Random(96);
        for (int n = 0; n < 10; n++) {
            BluezoneDailyKey base = BluezoneDailyKey.generateBase(random, FIRST_DAY);
            BluezoneIdGenerator phone = new BluezoneIdGenerator(base);
            // The other phone saw us at a random time on day 3..9 after the base day.
            Instant seenAt = FIRST_DAY.plusDays(3 + pick.nextInt(7)).atStartOfDay(java.time.ZoneOffset.UTC)
                    .toInstant().plusSeconds(pick.nextInt(86_400));
            BluezoneId seen = phone.idAt(seenAt);
            List<BluezoneId> observed = new ArrayList<>(noise(random, 500));
            observed.add(seen);

            // The case publishes the key of day 2; matching covers 14 days from there.
            BluezoneDailyKey published = phone.dailyKey(FIRST_DAY.plusDays(2));
            List<BluezoneIdMatch> matches = new BluezoneIdMatcher(observed).match(published, 14);

            assertEquals(1, matches.size());
            BluezoneIdMatch m = matches.get(0);
            assertEquals(LocalDate.ofInstant(seenAt, java.time.ZoneOffset.UTC), m.day());
            assertEquals(BluezoneDailyKey.slotOf(seenAt), m.slot());
            assertEquals(seen, m.id());
            assertTrue(!seenAt.isBefore(m.slotStart()) && seenAt.isBefore(m.slotStart().plus(Duration.ofMinutes(15))));
        }
    }

    @Test
    void findsEverySlotOfADay() {
        BluezoneDailyKey k = BluezoneDailyKey.generateBase(new SecureRandom(), FIRST_DAY);
        List<BluezoneIdMatch> matches = new BluezoneIdMatcher(k.next().ids()).match(k, 3);
        assertEquals(96, matches.size());
        for (int i = 0; i < 96; i++) {
            assertEquals(FIRST_DAY.plusDays(1), matches.get(i).day());
            assertEquals(i, matches.get(i).slot());
        }
    }

    @Test
    void doesNotMatchOtherKeysOrEarlierDays() {
        SecureRandom random = new SecureRandom();
        BluezoneDailyKey ours = BluezoneDailyKey.generateBase(random, FIRST_DAY);
        List<BluezoneId> observed = new ArrayList<>(ours.ids());
        observed.addAll(ours.next().ids());
        for (int n = 0; n < 10; n++) {
            BluezoneDailyKey other = BluezoneDailyKey.generateBase(random, FIRST_DAY);
            assertTrue(new BluezoneIdMatcher(observed).match(other, 14).isEmpty());
        }
        // Day 1's key cannot reveal day 0's IDs (the chain runs forward only).
        List<BluezoneIdMatch> fromDay1 = new BluezoneIdMatcher(observed).match(ours.next(), 5);
        assertEquals(96, fromDay1.size());
        assertTrue(fromDay1.stream().allMatch(m -> m.day().equals(FIRST_DAY.plusDays(1))));
    }

    @Test
    void rangeIsBounded() {
        BluezoneDailyKey k = BluezoneDailyKey.generateBase(new SecureRandom(), FIRST_DAY);
        BluezoneIdMatcher matcher = new BluezoneIdMatcher(k.ids());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> matcher.match(k, BluezoneIdMatcher.MAX_DAYS + 1));
        assertTrue(e.getMessage().contains("1..30"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> matcher.match(k, 0));
        assertEquals(96, matcher.match(k, BluezoneIdMatcher.MAX_DAYS).size());
    }

    private static List<BluezoneId> noise(SecureRandom random, int n) {
        List<BluezoneId> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] b = new byte[12];
            random.nextBytes(b);
            out.add(BluezoneId.of(b));
        }
        return out;
    }
}
