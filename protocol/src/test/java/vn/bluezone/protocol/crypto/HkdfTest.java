package vn.bluezone.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RFC 5869 appendix A test cases for HKDF-SHA256 (cross-checked with `openssl kdf ... HKDF`). */
class HkdfTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rfc5869Case1() {
        byte[] ikm = new byte[22];
        Arrays.fill(ikm, (byte) 0x0b);
        byte[] salt = HEX.parseHex("000102030405060708090a0b0c");
        byte[] info = HEX.parseHex("f0f1f2f3f4f5f6f7f8f9");
        assertEquals("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5",
                HEX.formatHex(Hkdf.extract(salt, ikm)));
        assertEquals("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
                HEX.formatHex(Hkdf.derive(ikm, salt, info, 42)));
    }

    @Test
    void rfc5869Case3EmptySaltAndInfo() {
        byte[] ikm = new byte[22];
        Arrays.fill(ikm, (byte) 0x0b);
        String okm = "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8";
        assertEquals(okm, HEX.formatHex(Hkdf.derive(ikm, new byte[0], new byte[0], 42)));
        assertEquals(okm, HEX.formatHex(Hkdf.derive(ikm, null, null, 42)));
        // A prefix of a longer output equals the shorter output.
        assertArrayEquals(Arrays.copyOf(Hkdf.derive(ikm, null, null, 42), 16), Hkdf.derive(ikm, null, null, 16));
    }

    @Test
    void rejectsImpossibleLengths() {
        assertThrows(IllegalArgumentException.class, () -> Hkdf.derive(new byte[16], null, null, 0));
        assertThrows(IllegalArgumentException.class, () -> Hkdf.derive(new byte[16], null, null, 255 * 32 + 1));
    }
}
