package vn.bluezone.protocol.matching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.crypto.AdvertisementPayload;
import vn.bluezone.protocol.crypto.BluetoothMetadata;
import vn.bluezone.protocol.crypto.RollingProximityIdentifier;
import vn.bluezone.protocol.crypto.TekKeys;

/** The fast generator agrees with the reference implementation in {@code vn.bluezone.protocol.crypto}. */
class CryptoCrossCheckTest {

    final Random random = new Random(2021);

    @Test
    void sameKeysRpisAndMetadataAsTheReferenceCrypto() {
        RpiGenerator gen = new RpiGenerator();
        for (int i = 0; i < 300; i++) {
            byte[] tek = new byte[16];
            random.nextBytes(tek);
            long start = 2_600_000L + random.nextInt(200_000);
            int count = 1 + random.nextInt(144);
            TekKeys ref = TekKeys.derive(tek);

            gen.generate(tek, start, count);

            assertArrayEquals(ref.rpik().bytes(), gen.rpik());
            List<RollingProximityIdentifier> rpis = ref.rpik().rpis(start, count);
            for (int j = 0; j < count; j++) {
                assertArrayEquals(rpis.get(j).bytes(), gen.rpi(j), "key " + i + " interval " + (start + j));
            }
            assertArrayEquals(ref.aemk().bytes(), gen.aemk());
            BluetoothMetadata md = BluetoothMetadata.of(BluetoothMetadata.VERSION_1_0, random.nextInt(-30, 20));
            byte[] aem = ref.aemk().encrypt(rpis.get(0), md).bytes();
            assertArrayEquals(md.bytes(), gen.decryptMetadata(gen.rpi(0), aem));
        }
    }

    @Test
    void matcherFindsWhatTheReferenceCryptoBroadcasts() {
        byte[] tek = new byte[16];
        random.nextBytes(tek);
        long day = EnIntervalNumber.dayStart(EnIntervalNumber.of(Instant.parse("2021-07-15T00:00:00Z")));
        BluetoothMetadata md = BluetoothMetadata.of(BluetoothMetadata.VERSION_1_0, -7);
        List<Sighting> heard = new ArrayList<>();
        for (AdvertisementPayload p : TekKeys.derive(tek).payloads(day + 50, 20, md)) {
            heard.add(new Sighting(p.rpi().bytes(), p.aem().bytes(), p.enIntervalNumber(),
                    EnIntervalNumber.toInstant(p.enIntervalNumber()), -65));
        }
        TemporaryExposureKey key = TemporaryExposureKey.of(tek, (int) day, 144);

        List<KeyMatch> matches = ExposureMatcher.of(heard).match(List.of(key));

        assertEquals(1, matches.size());
        assertEquals(20, matches.get(0).sightings().size());
        matches.get(0).sightings().forEach(s -> assertEquals(-7, s.transmitPowerDbm()));
    }
}
