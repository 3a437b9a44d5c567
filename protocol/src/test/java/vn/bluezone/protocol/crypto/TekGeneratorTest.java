package vn.bluezone.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.bluezone.protocol.TemporaryExposureKey;

class TekGeneratorTest {

    @Test
    void currentKeyStartsAtTheUtcDay() {
        Clock clock = Clock.fixed(Instant.parse("2020-04-02T17:45:12Z"), ZoneOffset.UTC);
        TemporaryExposureKey tek = new TekGenerator(new java.security.SecureRandom(), clock).current();
        assertEquals(1585785600L / 600, tek.rollingStartIntervalNumber());
        assertEquals(0, tek.rollingStartIntervalNumber() % 144);
        assertEquals(144, tek.rollingPeriod());
        assertEquals(16, tek.keyData().length);
    }

    @Test
    void keysAreRandomAndIndependent() {
        TekGenerator g = new TekGenerator();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            seen.add(g.forInterval(2642976).keyHex());
        }
        assertEquals(1000, seen.size());
    }

    @Test
    void startMustBeAMultipleOf144() {
        TekGenerator g = new TekGenerator();
        assertThrows(IllegalArgumentException.class, () -> g.forInterval(2642977));
        assertThrows(IllegalArgumentException.class, () -> g.forInterval(-144));
    }
}
