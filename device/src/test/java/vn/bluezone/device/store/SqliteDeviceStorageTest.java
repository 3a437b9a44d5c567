package vn.bluezone.device.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on a database file, and what only a file can show. */
class SqliteDeviceStorageTest extends DeviceStorageContract {
    @TempDir
    Path dir;
    private int files;

    @Override
    DeviceStorage open() {
        return SqliteDeviceStorage.open(dir.resolve("phone" + files++ + ".db"));
    }

    @Test
    void dataSurvivesReopeningTheFile() {
        Path file = dir.resolve("reopened.db");
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
}
