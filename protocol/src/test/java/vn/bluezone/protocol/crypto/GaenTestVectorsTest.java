package vn.bluezone.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.protocol.TemporaryExposureKey;

/** Every published EN cryptography v1.2 test vector: RPIK, AEMK and all 144 RPIs and AEMs. */
class GaenTestVectorsTest {
    static GaenTestVectors v;
    static TemporaryExposureKey tek;

    @BeforeAll
    static void load() throws Exception {
        v = GaenTestVectors.load();
        long start = EnIntervalNumber.of(Instant.parse("2020-04-02T00:00:00Z"));
        tek = TemporaryExposureKey.of(v.bytes("TEK"), (int) start, 144);
    }

    @Test
    void committedCopyMatchesTheSharedData() throws Exception {
        Path shared = Path.of(System.getProperty("user.dir")).resolve("../../shared/data/gaen-test-vectors-v1.2.tsv");
        if (!Files.isRegularFile(shared)) {
            System.out.println("skipped: " + shared + " is absent (the committed copy is still tested)");
        }
        Assumptions.assumeTrue(Files.isRegularFile(shared), "../shared data absent");
        try (InputStream in = GaenTestVectors.class.getResourceAsStream(GaenTestVectors.RESOURCE)) {
            assertArrayEquals(Files.readAllBytes(shared), in.readAllBytes());
        }
    }

    @Test
    void fileHoldsOneDayOfConsecutiveIntervals() {
        assertEquals(144, v.rows().size());
        for (int i = 0; i < 144; i++) {
            assertEquals(i, v.rows().get(i).index());
            assertEquals(tek.rollingStartIntervalNumber() + i, v.rows().get(i).interval());
        }
    }

    @Test
    void rollingProximityIdentifierKey() {
        assertArrayEquals(v.bytes("RPIK"), RollingProximityIdentifierKey.derive(tek).bytes());
    }

    @Test
    void associatedEncryptedMetadataKey() {
        assertArrayEquals(v.bytes("AEMK"), AssociatedEncryptedMetadataKey.derive(tek).bytes());
    }

    @Test
    void everyRpiOneAtATime() {
        RollingProximityIdentifierKey rpik = RollingProximityIdentifierKey.derive(tek);
        for (GaenTestVectors.Row row : v.rows()) {
            assertEquals(row.rpiHex(), rpik.rpi(row.interval()).hex(), "RPI of interval " + row.interval());
        }
    }

    @Test
    void everyRpiAndAemInOneBatch() {
        List<AdvertisementPayload> payloads = TekKeys.derive(tek)
                .payloads(tek.rollingStartIntervalNumber(), 144, BluetoothMetadata.of(v.bytes("BLE_METADATA")));
        assertEquals(144, payloads.size());
        for (int i = 0; i < 144; i++) {
            GaenTestVectors.Row row = v.rows().get(i);
            AdvertisementPayload p = payloads.get(i);
            assertEquals(row.interval(), p.enIntervalNumber());
            assertEquals(row.rpiHex(), p.rpi().hex(), "RPI " + i);
            assertEquals(row.aemHex(), p.aem().hex(), "AEM " + i);
        }
    }

    @Test
    void everyAemDecryptsToTheMetadata() {
        AssociatedEncryptedMetadataKey aemk = AssociatedEncryptedMetadataKey.derive(tek);
        BluetoothMetadata expected = BluetoothMetadata.of(v.bytes("BLE_METADATA"));
        for (GaenTestVectors.Row row : v.rows()) {
            BluetoothMetadata m = aemk.decrypt(RollingProximityIdentifier.ofHex(row.rpiHex()),
                    AssociatedEncryptedMetadata.ofHex(row.aemHex()));
            assertEquals(expected, m, "AEM of interval " + row.interval());
        }
        assertEquals(1, expected.versionMajor());
        assertEquals(0, expected.versionMinor());
        assertEquals(8, expected.txPowerDbm());
    }
}
