package vn.bluezone.device.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.bluezone.device.store.DeviceStorage.SightingDraft;
import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;

class SqliteDeviceStorageTest {
    private static final Instant NOW = Instant.parse("2021-07-20T12:00:00Z");

    private static SightingDraft draft(int fill, int rssi) {
        byte[] rpi = new byte[16];
        java.util.Arrays.fill(rpi, (byte) fill);
        return new SightingDraft(rpi, new byte[] {1, 2, 3, 4}, rssi, rssi + 3, 12);
    }

    private static TemporaryExposureKey key(int fill, Instant day) {
        byte[] k = new byte[16];
        java.util.Arrays.fill(k, (byte) fill);
        return TemporaryExposureKey.of(k, (int) EnIntervalNumber.dayStart(EnIntervalNumber.of(day)), 144);
    }

    @Test
    void purgeDeletesSightingsScansAndKeysOlderThan14DaysAndKeepsTheRest(@TempDir Path dir) {
        try (SqliteDeviceStorage db = SqliteDeviceStorage.open(dir.resolve("phone.db"))) {
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
            assertEquals(edge, left.get(0).seenAt());
            assertEquals(-65, left.get(0).rssiTypical());
            assertEquals(-62, left.get(0).rssiMax());
            assertEquals(3, db.scansBetween(Instant.EPOCH, NOW.plusSeconds(1)).size());
            assertEquals(2, db.keysEndingAfter(0).size());
            assertEquals(java.util.Set.of("new.zip"), db.processedExportFiles("VN"));
            List<TemporaryExposureKey> matched = db.matchedKeys();
            assertEquals(1, matched.size());
            assertEquals(ReportType.RECURSIVE, matched.get(0).reportType());
            assertEquals(null, matched.get(0).daysSinceOnsetOfSymptoms());
            // Purging again deletes nothing more.
            assertEquals(new PurgeResult(0, 0, 0, 0, 0, 0), db.purgeBefore(NOW.minus(Duration.ofDays(14))));
        }
    }

    @Test
    void dataSurvivesReopeningTheFile(@TempDir Path dir) {
        Path file = dir.resolve("phone.db");
        try (SqliteDeviceStorage db = SqliteDeviceStorage.open(file)) {
            db.saveKey(key(5, NOW));
            db.recordScan(NOW, Duration.ofSeconds(4), List.of(draft(6, -58)));
            db.setState("lastCheck", "x");
        }
        try (SqliteDeviceStorage db = SqliteDeviceStorage.open(file)) {
            assertEquals(1, db.sightingCount());
            assertEquals("x", db.state("lastCheck").orElseThrow());
            assertEquals(key(5, NOW).keyHex(), db.latestKey().orElseThrow().keyHex());
        }
    }

    @Test
    void warningsAreRecordedOncePerLevelAndDay() {
        try (SqliteDeviceStorage db = SqliteDeviceStorage.inMemory()) {
            LocalDate d = LocalDate.of(2021, 7, 19);
            assertTrue(db.recordWarningIfNew("F1", d, NOW));
            assertFalse(db.recordWarningIfNew("F1", d, NOW.plusSeconds(60)));
            assertTrue(db.recordWarningIfNew("F2", d, NOW));
        }
    }

    @Test
    void shorteningAKeysPeriodReplacesIt() {
        try (SqliteDeviceStorage db = SqliteDeviceStorage.inMemory()) {
            TemporaryExposureKey k = key(3, NOW);
            db.saveKey(k);
            db.saveKey(TemporaryExposureKey.of(k.keyData(), k.rollingStartIntervalNumber(), 72));
            List<TemporaryExposureKey> keys = db.keysEndingAfter(0);
            assertEquals(1, keys.size());
            assertEquals(72, keys.get(0).rollingPeriod());
        }
    }
}
