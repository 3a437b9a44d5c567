package vn.bluezone.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HexTest {
    @Test
    void agreesWithTheJdkHexFormatBothWays() {
        Random random = new Random(26);
        for (int n = 0; n < 200; n++) {
            byte[] bytes = new byte[random.nextInt(40)];
            random.nextBytes(bytes);
            String jdk = HexFormat.of().formatHex(bytes); // the JVM-only reference the helper replaces
            assertEquals(jdk, Hex.format(bytes));
            assertArrayEquals(bytes, Hex.parse(jdk));
            assertArrayEquals(bytes, Hex.parse(jdk.toUpperCase()));
        }
    }

    @Test
    void rejectsOddLengthAndNonHexDigits() {
        assertThrows(IllegalArgumentException.class, () -> Hex.parse("abc"));
        assertThrows(IllegalArgumentException.class, () -> Hex.parse("0g"));
        assertThrows(IllegalArgumentException.class, () -> Hex.parse("-1"));
        assertEquals("00ff10", Hex.format(new byte[] {0, -1, 16}));
    }
}
