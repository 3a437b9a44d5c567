package vn.bluezone.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.matching.ExposureMatcher;
import vn.bluezone.protocol.matching.KeyMatch;
import vn.bluezone.protocol.matching.MatchedSighting;
import vn.bluezone.protocol.matching.RpiGenerator;
import vn.bluezone.protocol.matching.Sighting;

/** The optimized matcher and the baseline must agree before their speeds are compared. */
class BaselineEquivalenceTest {

    @Test
    void optimizedAndBaselineAgreeOnRandomWorkloads() {
        for (long seed = 1; seed <= 2; seed++) {
            MatchWorkload w = MatchWorkload.generate(2500, 3000, seed);
            assertEquals(50, w.plantedKeys());
            List<KeyMatch> baseline = new BaselineMatcher(w.sightings()).match(w.keys());
            ExposureMatcher matcher = ExposureMatcher.of(w.sightings());

            assertEquals(w.plantedKeys(), baseline.size(), "every planted key is found");
            assertEquals(baseline, matcher.match(w.keys()));
            assertEquals(baseline, matcher.matchParallel(w.keys()));
            for (KeyMatch m : baseline) {
                for (MatchedSighting s : m.sightings()) {
                    assertArrayEquals(new byte[] {0x40, -12, 0, 0}, s.metadata());
                }
            }
        }
    }

    @Test
    void agreeOnShortPeriodsEdgeOfWindowAndDuplicates() {
        Random random = new Random(5);
        List<TemporaryExposureKey> keys = new ArrayList<>();
        List<Sighting> seen = new ArrayList<>();
        for (int i = 0; i < 800; i++) {
            byte[] tek = new byte[16];
            random.nextBytes(tek);
            int period = 1 + random.nextInt(144);
            TemporaryExposureKey k = TemporaryExposureKey.of(tek, (int) MatchWorkload.LAST_DAY + random.nextInt(144), period);
            keys.add(k);
            if (i % 10 == 0) {
                keys.add(k); // duplicate
                for (int c = 0; c < 4; c++) {
                    long interval = k.rollingStartIntervalNumber() + random.nextInt(160); // some beyond the period
                    byte[] rpi = BaselineMatcher.rpi(tek, interval);
                    long heard = interval + random.nextInt(-14, 15); // some beyond ±12
                    byte[] aem = BaselineMatcher.decryptAem(tek, rpi, new byte[] {0x50, 3, 0, 0});
                    seen.add(new Sighting(rpi, aem, heard, java.time.Instant.ofEpochSecond(heard * 600), -60));
                }
            }
        }
        List<KeyMatch> baseline = new BaselineMatcher(seen).match(keys);
        assertTrue(baseline.size() > 30, "enough matches to compare: " + baseline.size());
        ExposureMatcher matcher = ExposureMatcher.of(seen);
        assertEquals(baseline, matcher.match(keys));
        assertEquals(baseline, matcher.matchParallel(keys));
    }

    @Test
    void baselineDerivationAgreesWithTheGenerator() {
        Random random = new Random(9);
        RpiGenerator gen = new RpiGenerator();
        for (int i = 0; i < 50; i++) {
            byte[] tek = new byte[16];
            random.nextBytes(tek);
            long start = MatchWorkload.LAST_DAY + random.nextInt(1000);
            gen.generate(tek, start, 144);
            for (int j = 0; j < 144; j += 13) {
                assertArrayEquals(BaselineMatcher.rpi(tek, start + j), gen.rpi(j));
            }
        }
    }
}
