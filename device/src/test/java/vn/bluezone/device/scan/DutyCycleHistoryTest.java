package vn.bluezone.device.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class DutyCycleHistoryTest {
    private static final DutyCycle FAST = new DutyCycle(Duration.ofSeconds(10), Duration.ofSeconds(120));
    private static final Instant T = Instant.parse("2021-07-21T10:00:00Z");

    @Test
    void eachTimeHasTheDutyCycleInForceThen() {
        DutyCycleHistory h = DutyCycleHistory.of(DutyCycle.defaults()).with(T, FAST, T.minus(Duration.ofDays(14)));
        assertEquals(DutyCycle.defaults(), h.at(T.minusSeconds(1)));
        assertEquals(FAST, h.at(T));
        assertEquals(FAST, h.current());
        DutyCycleHistory later = h.with(T.plus(Duration.ofDays(1)), DutyCycle.bluezone2020(), T.minusSeconds(60));
        assertEquals(3, later.entries().size());
        assertEquals(later, DutyCycleHistory.decode(later.encode()));
    }

    @Test
    void entriesThatEndedBeforeTheRetentionAreDropped() {
        DutyCycleHistory h = DutyCycleHistory.of(DutyCycle.defaults()).with(T, FAST, T.minus(Duration.ofDays(14)));
        Instant d15 = T.plus(Duration.ofDays(15));
        DutyCycleHistory pruned = h.with(d15, DutyCycle.defaults(), d15.minus(Duration.ofDays(14)));
        // The default ended at T, more than 14 days before: only FAST (still in force 14 days ago) and the new one.
        assertEquals(2, pruned.entries().size());
        assertEquals(FAST, pruned.entries().get(0).dutyCycle());
        assertEquals(FAST, pruned.at(T.minusSeconds(1)), "older times get the oldest kept entry");
    }

    @Test
    void aDamagedValueIsAClearError() {
        assertThrows(IllegalArgumentException.class, () -> DutyCycleHistory.decode("yesterday|4000|300000"));
        assertThrows(IllegalArgumentException.class, () -> DutyCycleHistory.decode("1970-01-01T00:00:00Z|4000"));
        assertThrows(IllegalArgumentException.class,
                () -> DutyCycleHistory.decode("1970-01-01T00:00:00Z|9000|4000"), "period shorter than window");
    }
}
