package vn.bluezone.device.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class AppVersionTest {
    private static AppVersion v(String s) {
        return AppVersion.parse(s);
    }

    @Test
    void comparesNumberByNumberWithMissingPartsAsZero() {
        assertTrue(v("1.9.9").isOlderThan(v("1.10.0")));
        assertTrue(v("1.2.0").isOlderThan(v("2")));
        assertEquals(v("1.2"), v("1.2.0"));
        assertEquals(v("1.2.0.0").normalized(), v("1.2").normalized());
        assertEquals(0, v("1.2.0-beta").compareTo(v("1.2.0")), "a suffix is ignored when comparing");
        assertEquals("1.2.0-beta", v(" 1.2.0-beta ").text());
        assertFalse(v("1.0.0").isOlderThan(v("1.0.0")));
    }

    @Test
    void rejectsWhatIsNotAVersion() {
        for (String bad : List.of("", "v1.2", "1..2", "1.2.3.4.5", "latest", "1.2.", "-1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v(bad), bad);
            assertTrue(e.getMessage().contains("like 1.2.0"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> v(null));
    }
}
