package vn.bluezone.device.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.bluezone.device.store.DeviceStorage.SightingDraft;
import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;

/**
 * What every {@link DeviceStorage} must do, run against each implementation (SQLite on a real phone, the
 * in-memory store of the simulator), so that the engine cannot tell them apart.
 */
abstract class DeviceStorageContract {
    static final Instant NOW = Instant.parse("2021-07-20T12:00:00Z");

    /** A fresh, empty store. */
    abstract DeviceStorage open();

    static SightingDraft draft(int fill, int rssi) {
        byte[] rpi = new byte[16];
        java.util.Arrays.fill(rpi, (byte) fill);
        return new SightingDraft(rpi, new byte[] {1, 2, 3, (byte) fill}, rssi, rssi + 3, 12);
    }

    static TemporaryExposureKey key(int fill, Instant day) {
        byte[] k = new byte[16];
        java.util.Arrays.fill(k, (byte) fill);
        return TemporaryExposureKey.of(k, (int) EnIntervalNumber.dayStart(EnIntervalNumber.of(day)), 144);
    }

    @Test
    void purgeDeletesSightingsScansAndKeysOlderThan14DaysAndKeepsTheRest() {
        try (DeviceStorage db = open()) {
            Instant old = NOW.minus(Duration.ofDays(15));
            Instant edge = NOW.minus(Duration.ofDays(14)).plusSeconds(1);
            Instant recent = NOW.minus(Duration.ofDays(2));
            db.recordScan(old, Duration.ofSeconds(4), List.of(draft(1, -60), draft(2, -70)));
            db.recordScan(edge, Duration.ofSeconds(4), List.of(draft(3, -65)));
            db.recordScan(recent, Duration.ofSeconds(4), List.of(draft(4, -55)));
            db.recordScan(recent.plusSeconds(300), Duration.ofSeconds(4), List.of());
            db.saveKey(key(9, NOW.minus(Duration.ofDays(16))));
            db.saveKey(key(8, NOW.minus(Duration.ofDays(13))));
            db.saveKey(key(7, NOW));
            db.saveMatchedKey(new TemporaryExposureKey(key(1, old).keyData(), key(1, old).rollingStartIntervalNumber(),
                    144, 0, ReportType.CONFIRMED_TEST, 2), old);
            db.saveMatchedKey(new TemporaryExposureKey(key(2, recent).keyData(),
                    key(2, recent).rollingStartIntervalNumber(), 144, 0, ReportType.RECURSIVE, null), recent);
            db.recordWarningIfNew("F1", LocalDate.of(2021, 7, 1), old);
            db.markExportFileProcessed("VN", "old.zip", old);
            db.markExportFileProcessed("VN", "new.zip", recent);

            PurgeResult r = db.purgeBefore(NOW.minus(Duration.ofDays(14)));

            assertEquals(new PurgeResult(2, 1, 1, 1, 1, 1), r);
            List<Sighting> left = db.sightingsBetween(Instant.EPOCH, NOW);
            assertEquals(2, left.size());
            assertEquals(2, db.sightingCount());
            assertEquals(edge, left.get(0).seenAt());
            assertEquals(-65, left.get(0).rssiTypical());
            assertEquals(-62, left.get(0).rssiMax());
            assertEquals(3, db.scansBetween(Instant.EPOCH, NOW.plusSeconds(1)).size());
            assertEquals(2, db.keysEndingAfter(0).size());
            assertEquals(Set.of("new.zip"), db.processedExportFiles("VN"));
            List<TemporaryExposureKey> matched = db.matchedKeys();
            assertEquals(1, matched.size());
            assertEquals(ReportType.RECURSIVE, matched.get(0).reportType());
            assertNull(matched.get(0).daysSinceOnsetOfSymptoms());
            // Purging again deletes nothing more; the store still works.
            assertEquals(new PurgeResult(0, 0, 0, 0, 0, 0), db.purgeBefore(NOW.minus(Duration.ofDays(14))));
            db.recordScan(NOW, Duration.ofSeconds(4), List.of(draft(5, -50)));
            assertEquals(3, db.sightingsBetween(Instant.EPOCH, NOW.plusSeconds(1)).size());
        }
    }

    @Test
    void sightingsAreReadBackWithTheirScanInTimeOrderWithinHalfOpenBounds() {
        try (DeviceStorage db = open()) {
            long first = db.recordScan(NOW, Duration.ofSeconds(4), List.of(draft(1, -60), draft(2, -70)));
            long empty = db.recordScan(NOW.plusSeconds(300), Duration.ofSeconds(40), List.of());
            // A scan stamped earlier (the phone's clock was set back) still reads back in time order.
            long earlier = db.recordScan(NOW.minusSeconds(300), Duration.ofSeconds(4), List.of(draft(3, -80)));
            long last = db.recordScan(NOW.plusSeconds(600), Duration.ofSeconds(4), List.of(draft(4, -50)));
            assertEquals(4, Set.of(first, empty, earlier, last).size(), "scan ids are distinct");

            List<Sighting> all = db.sightingsBetween(NOW.minusSeconds(3600), NOW.plusSeconds(3600));
            assertEquals(List.of(3, 1, 2, 4), all.stream().map(s -> (int) s.rpi()[0]).toList());
            assertEquals(List.of(earlier, first, first, last), all.stream().map(Sighting::scanId).toList());
            Sighting s = all.get(1);
            assertEquals(NOW, s.seenAt());
            assertArrayEquals(new byte[] {1, 2, 3, 1}, s.aem());
            assertEquals(-60, s.rssiTypical());
            assertEquals(-57, s.rssiMax());
            assertEquals(12, s.packets());
            assertEquals(4, db.sightingCount());

            // [from, to): a scan at exactly `to` is out, one at exactly `from` is in.
            assertEquals(List.of(1, 2), db.sightingsBetween(NOW, NOW.plusSeconds(600)).stream()
                    .map(x -> (int) x.rpi()[0]).toList());
            assertEquals(List.of(), db.sightingsBetween(NOW.plusSeconds(1), NOW.plusSeconds(600)));

            List<ScanRecord> scans = db.scansBetween(NOW.minusSeconds(300), NOW.plusSeconds(600));
            assertEquals(List.of(earlier, first, empty), scans.stream().map(ScanRecord::id).toList());
            assertEquals(Duration.ofSeconds(40), scans.get(2).duration());
            assertEquals(NOW.plusSeconds(300), scans.get(2).startedAt());
        }
    }

    @Test
    void timesAreKeptToTheMillisecond() {
        try (DeviceStorage db = open()) {
            Instant t = NOW.plusMillis(123).plusNanos(456_789);
            db.recordScan(t, Duration.ofMillis(4_321), List.of(draft(1, -60)));
            assertEquals(NOW.plusMillis(123), db.sightingsBetween(NOW, NOW.plusSeconds(1)).get(0).seenAt());
            assertEquals(Duration.ofMillis(4_321), db.scansBetween(NOW, NOW.plusSeconds(1)).get(0).duration());
        }
    }

    @Test
    void ownKeysAreStoredWithoutMetadataAndReadInRollingStartOrder() {
        try (DeviceStorage db = open()) {
            assertTrue(db.latestKey().isEmpty());
            TemporaryExposureKey today = key(1, NOW);
            TemporaryExposureKey yesterday = key(2, NOW.minus(Duration.ofDays(1)));
            TemporaryExposureKey old = key(3, NOW.minus(Duration.ofDays(5)));
            db.saveKey(new TemporaryExposureKey(today.keyData(), today.rollingStartIntervalNumber(), 144, 6,
                    ReportType.CONFIRMED_TEST, 3));
            db.saveKey(old);
            db.saveKey(yesterday);
            List<TemporaryExposureKey> keys = db.keysEndingAfter(0);
            assertEquals(List.of(old.keyHex(), yesterday.keyHex(), today.keyHex()),
                    keys.stream().map(TemporaryExposureKey::keyHex).toList());
            assertEquals(ReportType.UNKNOWN, keys.get(2).reportType());
            assertEquals(0, keys.get(2).transmissionRiskLevel());
            assertNull(keys.get(2).daysSinceOnsetOfSymptoms());
            assertEquals(today.keyHex(), db.latestKey().orElseThrow().keyHex());
            // Keys whose validity ends at or before the interval are left out.
            assertEquals(List.of(yesterday.keyHex(), today.keyHex()),
                    db.keysEndingAfter(old.rollingEndIntervalNumber()).stream().map(TemporaryExposureKey::keyHex)
                            .toList());
        }
    }

    @Test
    void aFreshKeyStartedTheSameDayIsTheLatest() {
        try (DeviceStorage db = open()) {
            TemporaryExposureKey k = key(3, NOW);
            db.saveKey(k);
            int now = k.rollingStartIntervalNumber() + 72;
            db.saveKey(TemporaryExposureKey.of(k.keyData(), k.rollingStartIntervalNumber(), 73));
            TemporaryExposureKey fresh = TemporaryExposureKey.of(key(4, NOW).keyData(), now, 72);
            db.saveKey(fresh);
            assertEquals(fresh.keyHex(), db.latestKey().orElseThrow().keyHex());
            List<TemporaryExposureKey> keys = db.keysEndingAfter(0);
            assertEquals(2, keys.size());
            assertEquals(73, keys.get(0).rollingPeriod(), "shortening replaces the stored key");
        }
    }

    @Test
    void shorteningAKeysPeriodReplacesIt() {
        try (DeviceStorage db = open()) {
            TemporaryExposureKey k = key(3, NOW);
            db.saveKey(k);
            db.saveKey(TemporaryExposureKey.of(k.keyData(), k.rollingStartIntervalNumber(), 72));
            List<TemporaryExposureKey> keys = db.keysEndingAfter(0);
            assertEquals(1, keys.size());
            assertEquals(72, keys.get(0).rollingPeriod());
        }
    }

    @Test
    void matchedKeysKeepTheirMetadataAndAreUpdatedInPlace() {
        try (DeviceStorage db = open()) {
            TemporaryExposureKey a = key(1, NOW);
            TemporaryExposureKey b = key(2, NOW.minus(Duration.ofDays(3)));
            db.saveMatchedKey(new TemporaryExposureKey(a.keyData(), a.rollingStartIntervalNumber(), 144, 5,
                    ReportType.RECURSIVE, null), NOW);
            db.saveMatchedKey(new TemporaryExposureKey(b.keyData(), b.rollingStartIntervalNumber(), 144, 2,
                    ReportType.CONFIRMED_TEST, -1), NOW);
            db.saveMatchedKey(new TemporaryExposureKey(a.keyData(), a.rollingStartIntervalNumber(), 100, 6,
                    ReportType.CONFIRMED_CLINICAL_DIAGNOSIS, 4), NOW.plusSeconds(60));
            List<TemporaryExposureKey> m = db.matchedKeys();
            assertEquals(List.of(b.keyHex(), a.keyHex()), m.stream().map(TemporaryExposureKey::keyHex).toList());
            assertEquals(-1, m.get(0).daysSinceOnsetOfSymptoms());
            assertEquals(ReportType.CONFIRMED_CLINICAL_DIAGNOSIS, m.get(1).reportType());
            assertEquals(100, m.get(1).rollingPeriod());
            assertEquals(6, m.get(1).transmissionRiskLevel());
            assertEquals(4, m.get(1).daysSinceOnsetOfSymptoms());
        }
    }

    @Test
    void warningsAreRecordedOncePerLevelAndDay() {
        try (DeviceStorage db = open()) {
            LocalDate d = LocalDate.of(2021, 7, 19);
            assertTrue(db.recordWarningIfNew("F1", d, NOW));
            assertFalse(db.recordWarningIfNew("F1", d, NOW.plusSeconds(60)));
            assertTrue(db.recordWarningIfNew("F2", d, NOW));
            assertTrue(db.recordWarningIfNew("F1", d.plusDays(1), NOW));
        }
    }

    @Test
    void exportFilesAreRememberedPerRegionAndStateValuesReplaced() {
        try (DeviceStorage db = open()) {
            assertEquals(Set.of(), db.processedExportFiles("VN"));
            db.markExportFileProcessed("VN", "a.zip", NOW);
            db.markExportFileProcessed("VN", "a.zip", NOW.plusSeconds(1));
            db.markExportFileProcessed("VN", "b.zip", NOW);
            db.markExportFileProcessed("79", "a.zip", NOW);
            assertEquals(Set.of("a.zip", "b.zip"), db.processedExportFiles("VN"));
            assertEquals(Set.of("a.zip"), db.processedExportFiles("79"));
            // The answer is a copy: changing it changes nothing stored.
            Set<String> copy = db.processedExportFiles("VN");
            try {
                copy.clear();
            } catch (UnsupportedOperationException ignored) {
                // an unmodifiable answer is as good
            }
            assertEquals(2, db.processedExportFiles("VN").size());

            assertTrue(db.state("x").isEmpty());
            db.setState("x", "1");
            db.setState("x", "2");
            assertEquals("2", db.state("x").orElseThrow());
            assertNotEquals(db.state("x"), db.state("y"));
        }
    }
}
