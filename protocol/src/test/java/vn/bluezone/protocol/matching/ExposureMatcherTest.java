package vn.bluezone.protocol.matching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;

class ExposureMatcherTest {

    static final long DAY = 2_642_976L; // 2020-04-02, a multiple of 144 (the vectors' day)
    static final byte[] METADATA = HexFormat.of().parseHex("40f60000"); // version 1.0, -10 dBm

    final Random random = new Random(42);

    @Test
    void publishedVectorsMatchEndToEndWithDecryptedMetadata() throws Exception {
        GaenVectors v = GaenVectors.load();
        List<Sighting> seen = new ArrayList<>();
        for (GaenVectors.Row row : v.rows()) {
            seen.add(new Sighting(row.rpi(), row.aem(), row.interval(),
                    EnIntervalNumber.toInstant(row.interval()).plusSeconds(30), -70));
        }
        TemporaryExposureKey key = TemporaryExposureKey.of(v.get("TEK"), (int) v.rows().get(0).interval(), 144);

        List<KeyMatch> matches = ExposureMatcher.of(seen).match(List.of(key));

        assertEquals(1, matches.size());
        KeyMatch m = matches.get(0);
        assertEquals(key, m.key());
        assertEquals(144, m.sightings().size());
        for (int j = 0; j < 144; j++) {
            MatchedSighting s = m.sightings().get(j);
            assertEquals(v.rows().get(j).interval(), s.rpiIntervalNumber());
            assertArrayEquals(v.get("BLE_METADATA"), s.metadata());
            assertEquals(0x40, s.metadataVersion());
            assertEquals(8, s.transmitPowerDbm());
        }
    }

    @Test
    void acceptsWithinTwoHoursAndRejectsBeyond() {
        TemporaryExposureKey key = randomKey(DAY, 144);
        int j = 70;
        long rpiInterval = DAY + j;
        List<Sighting> seen = new ArrayList<>();
        for (long offset : new long[] {-13, -12, 0, 12, 13, 144}) {
            seen.add(sighting(key, j, rpiInterval + offset, -60));
        }

        List<KeyMatch> matches = ExposureMatcher.of(seen).match(List.of(key));

        assertEquals(1, matches.size());
        List<Long> intervals = matches.get(0).sightings().stream().map(s -> s.sighting().intervalNumber()).toList();
        assertEquals(List.of(rpiInterval - 12, rpiInterval, rpiInterval + 12), intervals);
        matches.get(0).sightings().forEach(s -> {
            assertEquals(rpiInterval, s.rpiIntervalNumber());
            assertArrayEquals(METADATA, s.metadata());
            assertEquals(-10, s.transmitPowerDbm());
        });
    }

    @Test
    void sightingOutsideTheWindowAloneGivesNoMatch() {
        TemporaryExposureKey key = randomKey(DAY, 144);
        // a replay of the key's RPI a day later
        List<Sighting> seen = List.of(sighting(key, 5, DAY + 5 + 144, -60));
        assertTrue(ExposureMatcher.of(seen).match(List.of(key)).isEmpty());
    }

    @Test
    void nonMatchingKeysProduceNothing() {
        List<Sighting> seen = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            seen.add(new Sighting(bytes(16), bytes(4), DAY + random.nextInt(144), instant(DAY), -80));
        }
        List<TemporaryExposureKey> keys = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            keys.add(randomKey(DAY, 144));
        }
        ExposureMatcher matcher = ExposureMatcher.of(seen);
        assertTrue(matcher.match(keys).isEmpty());
        assertTrue(matcher.matchParallel(keys).isEmpty());
        assertTrue(ExposureMatcher.of(List.of()).match(keys).isEmpty(), "nothing observed");
    }

    @Test
    void multipleSightingsOfOneRpiAreAllReportedInTimeOrder() {
        TemporaryExposureKey key = randomKey(DAY, 144);
        Sighting late = sighting(key, 10, DAY + 11, -75);
        Sighting early = sighting(key, 10, DAY + 10, -65);
        Sighting mid = new Sighting(early.rpi(), early.aem(), DAY + 10, early.seenAt().plusSeconds(200), -55);
        Sighting other = sighting(key, 11, DAY + 11, -70);
        List<KeyMatch> matches = ExposureMatcher.of(List.of(late, other, early, mid)).match(List.of(key));

        assertEquals(1, matches.size());
        List<Sighting> got = matches.get(0).sightings().stream().map(MatchedSighting::sighting).toList();
        assertEquals(List.of(early, mid, late, other), sortedByTimeThenInterval(got));
        assertEquals(got, sortedByTimeThenInterval(got), "sightings come in time order");
        assertEquals(4, got.size());
    }

    @Test
    void duplicateKeysAreReportedOnceAndRepeatedSightingsAllKept() {
        TemporaryExposureKey key = randomKey(DAY, 144);
        Sighting s = sighting(key, 3, DAY + 3, -60);
        Sighting same = new Sighting(s.rpi(), s.aem(), s.intervalNumber(), s.seenAt(), s.rssi()); // two scan records
        List<TemporaryExposureKey> keys = new ArrayList<>();
        keys.add(key);
        for (int i = 0; i < 600; i++) {
            keys.add(randomKey(DAY, 144));
        }
        keys.add(key); // the same key from a second export file
        ExposureMatcher matcher = ExposureMatcher.of(List.of(s, same));

        for (List<KeyMatch> matches : List.of(matcher.match(keys), matcher.matchParallel(keys))) {
            assertEquals(1, matches.size());
            assertEquals(2, matches.get(0).sightings().size());
        }
    }

    @Test
    void rollingPeriodShorterThanADayOnlyCoversItsIntervals() {
        long start = DAY + 30; // a key replaced mid-day (e.g. after a reset) starts off the day boundary
        TemporaryExposureKey full = randomKey(start, 144);
        TemporaryExposureKey shortKey = new TemporaryExposureKey(full.keyData(), (int) start, 10, 4,
                ReportType.CONFIRMED_TEST, 2);
        // RPIs j = 0, 9 are within the short period; j = 10 and 40 exist only for the long one. Each is seen at
        // its own interval, so the ±2 h tolerance alone would not exclude them.
        List<Sighting> seen = List.of(sighting(full, 0, start, -60), sighting(full, 9, start + 9, -60),
                sighting(full, 10, start + 10, -60), sighting(full, 40, start + 40, -60));

        List<KeyMatch> matches = ExposureMatcher.of(seen).match(List.of(shortKey));

        assertEquals(1, matches.size());
        assertEquals(shortKey, matches.get(0).key());
        assertEquals(List.of(start, start + 9),
                matches.get(0).sightings().stream().map(MatchedSighting::rpiIntervalNumber).toList());
    }

    @Test
    void parallelEqualsSequentialOnRandomData() {
        List<TemporaryExposureKey> keys = new ArrayList<>();
        List<Sighting> seen = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            int period = i % 7 == 0 ? 1 + random.nextInt(144) : 144;
            TemporaryExposureKey k = randomKey(DAY - 144L * random.nextInt(14), period);
            keys.add(k);
            if (i % 97 == 0) { // plant a few sightings, some outside the window
                for (int c = 0; c < 3; c++) {
                    int j = random.nextInt(period);
                    long at = k.rollingStartIntervalNumber() + j + random.nextInt(31) - 15;
                    seen.add(sighting(k, j, at, -50 - random.nextInt(40)));
                }
            }
        }
        for (int i = 0; i < 20_000; i++) {
            seen.add(new Sighting(bytes(16), bytes(4), DAY + random.nextInt(144), instant(DAY), -80));
        }
        ExposureMatcher matcher = ExposureMatcher.of(seen);

        List<KeyMatch> sequential = matcher.match(keys);
        assertTrue(sequential.size() > 20, "planted matches found: " + sequential.size());
        assertEquals(sequential, matcher.matchParallel(keys));
        ForkJoinPool pool = new ForkJoinPool(3);
        try {
            assertEquals(sequential, matcher.matchParallel(keys, pool));
        } finally {
            pool.shutdown();
        }
        assertEquals(sequential, matcher.match(keys.stream()::iterator), "a lazy stream of keys gives the same");
    }

    static List<Sighting> sortedByTimeThenInterval(List<Sighting> s) {
        return s.stream().sorted(java.util.Comparator.comparing(Sighting::seenAt)
                .thenComparingLong(Sighting::intervalNumber)).toList();
    }

    /** What a phone near {@code key}'s owner records: RPI j, its AEM, received in interval {@code at}. */
    static Sighting sighting(TemporaryExposureKey key, int j, long at, int rssi) {
        RpiGenerator gen = new RpiGenerator();
        gen.generate(key.keyData(), Integer.toUnsignedLong(key.rollingStartIntervalNumber()) + j, 1);
        byte[] rpi = gen.rpi(0);
        byte[] aem = gen.decryptMetadata(rpi, METADATA); // CTR: encryption and decryption are the same operation
        return new Sighting(rpi, aem, at, instant(at).plusSeconds(j % 600), rssi);
    }

    static Instant instant(long interval) {
        return EnIntervalNumber.toInstant(interval);
    }

    TemporaryExposureKey randomKey(long start, int period) {
        return new TemporaryExposureKey(bytes(16), (int) start, period, 1 + random.nextInt(8),
                ReportType.CONFIRMED_TEST, random.nextInt(15) - 7);
    }

    byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
