package vn.bluezone.device.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class InMemoryDeviceStorageTest extends DeviceStorageContract {
    @Override
    DeviceStorage open() {
        return new InMemoryDeviceStorage();
    }

    /** The simulator's pattern: a scan every 5 minutes, a daily purge; what is kept stays 14 days' worth. */
    @Test
    void fifteenDaysOfScansWithADailyPurgeKeepFourteenDays() {
        try (DeviceStorage db = open()) {
            Instant t = NOW;
            for (int day = 0; day < 15; day++) {
                for (int scan = 0; scan < 288; scan++) {
                    List<DeviceStorage.SightingDraft> heard = new ArrayList<>();
                    for (int k = 0; k < scan % 4; k++) {
                        heard.add(draft(k, -60 - k));
                    }
                    db.recordScan(t, Duration.ofSeconds(4), heard);
                    t = t.plusSeconds(300);
                }
                db.purgeBefore(t.minus(Duration.ofDays(14)));
            }
            assertEquals(14 * 288, db.scansBetween(Instant.EPOCH, t).size());
            assertEquals(14 * 72 * (0 + 1 + 2 + 3), db.sightingCount());
            assertEquals(db.sightingCount(), db.sightingsBetween(Instant.EPOCH, t).size());
            assertEquals(t.minus(Duration.ofDays(14)), db.scansBetween(Instant.EPOCH, t).get(0).startedAt());
        }
    }

    /** Past several chunks, an earlier scan still lands in its place, and a purge inside a chunk keeps the rest. */
    @Test
    void anEarlierScanAfterManyChunksAndAPurgeInsideAChunk() {
        try (DeviceStorage db = open()) {
            int n = 3 * ScanLog.SCANS_PER_CHUNK + 7;
            for (int i = 0; i < n; i++) {
                db.recordScan(NOW.plusSeconds(300L * i), Duration.ofSeconds(4), List.of(draft(i % 100, -50 - i % 40)));
            }
            db.recordScan(NOW.plusSeconds(300L * 700 + 1), Duration.ofSeconds(4), List.of(draft(101, -99)));
            List<Sighting> all = db.sightingsBetween(Instant.EPOCH, NOW.plusSeconds(300L * n));
            assertEquals(n + 1, all.size());
            for (int i = 1; i < all.size(); i++) {
                assertEquals(true, !all.get(i).seenAt().isBefore(all.get(i - 1).seenAt()), "time order at " + i);
            }
            assertEquals(-99, all.get(701).rssiTypical());
            assertEquals(-50 - 701 % 40, all.get(702).rssiTypical(), "scan 701 comes after the inserted one");

            PurgeResult r = db.purgeBefore(NOW.plusSeconds(300L * 600));
            assertEquals(600, r.scans());
            assertEquals(600, r.sightings());
            assertEquals(n + 1 - 600, db.sightingCount());
            List<Sighting> left = db.sightingsBetween(Instant.EPOCH, NOW.plusSeconds(300L * n));
            assertEquals(NOW.plusSeconds(300L * 600), left.get(0).seenAt());
            assertEquals(600 % 100, left.get(0).rpi()[0]);
            assertEquals(n + 1 - 600, db.scansBetween(Instant.EPOCH, NOW.plusSeconds(300L * n)).size());
        }
    }
}
