package vn.bluezone.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RollingProximityIdentifierKeyTest {

    @Test
    void paddedDataLayout() {
        // "EN-RPI" = 454e2d525049, six zero bytes, then 0x01020304 little-endian.
        assertEquals("454e2d525049" + "000000000000" + "04030201",
                HexFormat.of().formatHex(RollingProximityIdentifierKey.paddedData(0x01020304L)));
        assertEquals("454e2d525049000000000000ffffffff",
                HexFormat.of().formatHex(RollingProximityIdentifierKey.paddedData(0xFFFF_FFFFL)));
    }

    @Test
    void batchEqualsOneAtATimeForRandomKeys() {
        Random r = new Random(42);
        for (int k = 0; k < 20; k++) {
            byte[] tek = new byte[16];
            r.nextBytes(tek);
            RollingProximityIdentifierKey rpik = RollingProximityIdentifierKey.derive(tek);
            long start = r.nextInt(Integer.MAX_VALUE);
            List<RollingProximityIdentifier> batch = rpik.rpis(start, 144);
            Set<RollingProximityIdentifier> distinct = new HashSet<>(batch);
            assertEquals(144, distinct.size(), "each interval has its own RPI");
            for (int i = 0; i < 144; i += 13) {
                assertEquals(rpik.rpi(start + i), batch.get(i));
            }
        }
    }

    @Test
    void differentTeksGiveDifferentKeys() {
        byte[] a = new byte[16];
        byte[] b = new byte[16];
        b[15] = 1;
        assertNotEquals(RollingProximityIdentifierKey.derive(a), RollingProximityIdentifierKey.derive(b));
        assertNotEquals(RollingProximityIdentifierKey.derive(a).hex(), AssociatedEncryptedMetadataKey.derive(a).hex(),
                "RPIK and AEMK differ by their info string");
    }

    @Test
    void rejectsBadInput() {
        RollingProximityIdentifierKey rpik = RollingProximityIdentifierKey.derive(new byte[16]);
        assertThrows(IllegalArgumentException.class, () -> rpik.rpi(-1));
        assertThrows(IllegalArgumentException.class, () -> rpik.rpi(0x1_0000_0000L));
        assertThrows(IllegalArgumentException.class, () -> rpik.rpis(0xFFFF_FFFFL, 2));
        assertThrows(IllegalArgumentException.class, () -> rpik.rpis(0, 0));
        assertThrows(IllegalArgumentException.class, () -> RollingProximityIdentifierKey.derive(new byte[15]));
        assertEquals(16, rpik.rpis(0xFFFF_FFFFL - 15, 16).size());
    }
}
