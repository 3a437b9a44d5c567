package vn.bluezone.protocol.matching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RpiGeneratorTest {

    static GaenVectors v;

    @BeforeAll
    static void load() throws Exception {
        v = GaenVectors.load();
        assertEquals(144, v.rows().size(), "the published set has 144 rows");
    }

    @Test
    void derivesEveryPublishedRpiRpikAndAemk() {
        RpiGenerator gen = new RpiGenerator();
        long start = v.rows().get(0).interval();
        assertEquals(144, gen.generate(v.get("TEK"), start, 144));
        assertArrayEquals(v.get("RPIK"), gen.rpik());
        assertArrayEquals(v.get("AEMK"), gen.aemk());
        assertArrayEquals(v.get("RPIK"), gen.rpik(), "RPIK still available after the AEMK was derived");
        for (GaenVectors.Row row : v.rows()) {
            assertEquals(start + row.index(), row.interval());
            assertArrayEquals(row.rpi(), gen.rpi(row.index()), "RPI " + row.index());
        }
    }

    @Test
    void decryptsEveryPublishedAemToTheMetadata() {
        RpiGenerator gen = new RpiGenerator();
        gen.generate(v.get("TEK"), v.rows().get(0).interval(), 144);
        for (GaenVectors.Row row : v.rows()) {
            assertArrayEquals(v.get("BLE_METADATA"), gen.decryptMetadata(row.rpi(), row.aem()), "AEM " + row.index());
            // CTR is its own inverse: encrypting the metadata gives the published AEM
            assertArrayEquals(row.aem(), gen.decryptMetadata(row.rpi(), v.get("BLE_METADATA")), "AEM " + row.index());
        }
    }

    @Test
    void shorterAndOffsetRunsGiveTheSameRpisAsTheFullDay() {
        RpiGenerator gen = new RpiGenerator();
        long start = v.rows().get(0).interval();
        // a later start, then a shorter run at the original start: the reused interval bytes must be refreshed
        gen.generate(v.get("TEK"), start + 100, 44);
        for (int j = 0; j < 44; j++) {
            assertArrayEquals(v.rows().get(100 + j).rpi(), gen.rpi(j));
        }
        gen.generate(v.get("TEK"), start, 7);
        for (int j = 0; j < 7; j++) {
            assertArrayEquals(v.rows().get(j).rpi(), gen.rpi(j));
        }
        gen.generate(v.get("TEK"), start, 144);
        assertArrayEquals(v.rows().get(143).rpi(), gen.rpi(143));
    }

    @Test
    void keysInterleaveWithoutLeakingState() {
        RpiGenerator gen = new RpiGenerator();
        long start = v.rows().get(0).interval();
        byte[] other = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
        gen.generate(other, start, 144);
        byte[] otherAemk = gen.aemk();
        gen.generate(v.get("TEK"), start, 144);
        assertArrayEquals(v.get("AEMK"), gen.aemk(), "the AEMK follows the current key");
        gen.generate(other, start, 144);
        assertArrayEquals(otherAemk, gen.aemk());
    }

    @Test
    void rejectsBadInput() {
        RpiGenerator gen = new RpiGenerator();
        assertThrows(IllegalStateException.class, gen::aemk);
        assertThrows(IllegalArgumentException.class, () -> gen.generate(new byte[15], 0, 144));
        assertThrows(IllegalArgumentException.class, () -> gen.generate(new byte[16], 0, 0));
        assertThrows(IllegalArgumentException.class, () -> gen.generate(new byte[16], 0, 145));
    }
}
