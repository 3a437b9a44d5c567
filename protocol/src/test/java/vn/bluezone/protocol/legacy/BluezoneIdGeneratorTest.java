package vn.bluezone.protocol.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BluezoneIdGeneratorTest {
    private static final LocalDate BASE_DAY = LocalDate.of(2020, 8, 1);

    @Test
    void idsFollowTheSlotsAndDaysInAnyOrder() {
        BluezoneDailyKey base = BluezoneDailyKey.generateBase(new SecureRandom(), BASE_DAY);
        BluezoneIdGenerator g = new BluezoneIdGenerator(base);
        Instant t = Instant.parse("2020-08-05T10:20:00Z"); // day +4, slot 41
        assertEquals(base.forwardTo(LocalDate.of(2020, 8, 5)).ids().get(41), g.idAt(t));
        assertEquals(g.idAt(t), g.idAt(Instant.parse("2020-08-05T10:29:59Z")), "same slot, same ID");
        assertNotEquals(g.idAt(t), g.idAt(Instant.parse("2020-08-05T10:30:00Z")), "next slot, new ID");
        // Going back to an earlier day after a later one still works (walks from the base key).
        assertEquals(base.ids().get(0), g.idAt(Instant.parse("2020-08-01T00:00:00Z")));
        assertEquals(base.next().ids().get(95), g.idAt(Instant.parse("2020-08-02T23:59:59Z")));
    }

    @Test
    void nothingBeforeTheBaseDay() {
        BluezoneIdGenerator g = new BluezoneIdGenerator(BluezoneDailyKey.generateBase(new SecureRandom(), BASE_DAY));
        assertThrows(IllegalArgumentException.class, () -> g.idAt(Instant.parse("2020-07-31T23:59:59Z")));
    }
}
