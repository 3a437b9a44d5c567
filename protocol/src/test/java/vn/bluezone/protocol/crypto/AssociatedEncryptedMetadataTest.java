package vn.bluezone.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AssociatedEncryptedMetadataTest {

    @Test
    void metadataFields() {
        BluetoothMetadata v10 = BluetoothMetadata.of(BluetoothMetadata.VERSION_1_0, -20);
        assertEquals("40ec0000", v10.hex());
        assertEquals(1, v10.versionMajor());
        assertEquals(0, v10.versionMinor());
        assertEquals(-20, v10.txPowerDbm());
        BluetoothMetadata v11 = BluetoothMetadata.ofHex("50F60000");
        assertEquals(1, v11.versionMajor());
        assertEquals(1, v11.versionMinor());
        assertEquals(-10, v11.txPowerDbm());
        assertEquals(BluetoothMetadata.VERSION_1_1, BluetoothMetadata.versionByte(1, 1));
        assertEquals(BluetoothMetadata.VERSION_1_0, BluetoothMetadata.versionByte(1, 0));
    }

    @Test
    void metadataRejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> BluetoothMetadata.ofHex("400800"));
        assertThrows(IllegalArgumentException.class, () -> BluetoothMetadata.ofHex("4008000g"));
        assertThrows(IllegalArgumentException.class, () -> BluetoothMetadata.of(0x40, 128));
        assertThrows(IllegalArgumentException.class, () -> BluetoothMetadata.of(0x40, -129));
        assertThrows(IllegalArgumentException.class, () -> BluetoothMetadata.versionByte(4, 0));
    }

    @Test
    void encryptThenDecryptRoundTripsAndHidesThePower() {
        Random r = new Random(7);
        for (int k = 0; k < 50; k++) {
            byte[] tek = new byte[16];
            r.nextBytes(tek);
            TekKeys keys = TekKeys.derive(tek);
            RollingProximityIdentifier rpi = keys.rpik().rpi(2_700_000 + k);
            BluetoothMetadata m = BluetoothMetadata.of(BluetoothMetadata.VERSION_1_0, r.nextInt(256) - 128);
            AssociatedEncryptedMetadata aem = keys.aemk().encrypt(rpi, m);
            assertEquals(m, keys.aemk().decrypt(rpi, aem));
            // The IV is the RPI: the same metadata encrypts differently in another interval.
            RollingProximityIdentifier other = keys.rpik().rpi(2_700_000 + k + 1);
            assertNotEquals(aem, keys.aemk().encrypt(other, m));
        }
    }
}
