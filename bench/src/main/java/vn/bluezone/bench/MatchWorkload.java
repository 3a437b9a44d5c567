package vn.bluezone.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.matching.Sighting;

/**
 * A reproducible matching workload: diagnosis keys as a phone downloads them (daily keys over 14 days, in random
 * order) and what the phone observed (mostly RPIs of people who never reported, plus some RPIs of reported keys,
 * seen within the ±2 h tolerance, so that the matching and decryption paths run too).
 *
 * @param keys diagnosis keys, every one with a full 144-interval rolling period
 * @param sightings what the phone saw
 * @param plantedKeys how many keys were given sightings
 */
public record MatchWorkload(List<TemporaryExposureKey> keys, List<Sighting> sightings, int plantedKeys) {

    /** 2021-07-01T00:00Z, a day boundary (multiple of 144), during Vietnam's 2021 wave. */
    public static final long LAST_DAY = EnIntervalNumber.of(Instant.parse("2021-07-01T00:00:00Z"));
    static final int DAYS = 14;
    /** At most one key in this many gets sightings (50 keys of 100,000); five sightings each. */
    static final int PLANT_EVERY = 2000;
    static final int PLANTED_KEYS_TARGET = 50;
    static final int SIGHTINGS_PER_PLANTED_KEY = 5;

    public static MatchWorkload generate(int keyCount, int observedCount, long seed) {
        if (keyCount < 1 || observedCount < 0) {
            throw new IllegalArgumentException("need at least one key and no negative observed count");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<TemporaryExposureKey> keys = new ArrayList<>(keyCount);
        for (int i = 0; i < keyCount; i++) {
            long day = LAST_DAY - 144L * random.nextInt(DAYS);
            keys.add(new TemporaryExposureKey(bytes(random, 16), (int) day, 144, 1 + random.nextInt(8),
                    ReportType.CONFIRMED_TEST, random.nextInt(-7, 8)));
        }
        List<Sighting> sightings = new ArrayList<>(observedCount);
        int planted = 0;
        byte[] metadata = {0x40, (byte) -12, 0, 0};
        int every = Math.max(1, Math.min(PLANT_EVERY, keyCount / PLANTED_KEYS_TARGET));
        for (int i = 0; i < keyCount && sightings.size() + SIGHTINGS_PER_PLANTED_KEY <= observedCount; i += every) {
            TemporaryExposureKey k = keys.get(i);
            byte[] tek = k.keyData();
            for (int c = 0; c < SIGHTINGS_PER_PLANTED_KEY; c++) {
                long interval = k.rollingStartIntervalNumber() + random.nextInt(144);
                byte[] rpi = BaselineMatcher.rpi(tek, interval);
                long heard = Math.max(0, interval + random.nextInt(-12, 13));
                sightings.add(new Sighting(rpi, BaselineMatcher.decryptAem(tek, rpi, metadata), heard,
                        EnIntervalNumber.toInstant(heard).plusSeconds(random.nextInt(600)), -50 - random.nextInt(40)));
            }
            planted++;
        }
        while (sightings.size() < observedCount) {
            long heard = LAST_DAY - 144L * (DAYS - 1) + random.nextInt(144 * DAYS);
            sightings.add(new Sighting(bytes(random, 16), bytes(random, 4), heard,
                    EnIntervalNumber.toInstant(heard).plusSeconds(random.nextInt(600)), -50 - random.nextInt(50)));
        }
        Collections.shuffle(sightings, new java.util.Random(seed));
        return new MatchWorkload(List.copyOf(keys), List.copyOf(sightings), planted);
    }

    public long rpiCount() {
        long n = 0;
        for (TemporaryExposureKey k : keys) {
            n += k.rollingPeriod();
        }
        return n;
    }

    private static byte[] bytes(SplittableRandom random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
