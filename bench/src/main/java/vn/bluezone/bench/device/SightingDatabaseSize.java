package vn.bluezone.bench.device;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import vn.bluezone.device.scan.DutyCycle;
import vn.bluezone.device.store.DeviceStorage.SightingDraft;
import vn.bluezone.device.store.SqliteDeviceStorage;

/**
 * Size of a phone's SQLite database after 14 days of scans (default duty cycle: a scan every 5 minutes) with
 * {@code perScan} sightings each, as the engine stores them (one row per beacon per scan), plus 14 daily keys.
 * Usage: {@code SightingDatabaseSize [perScan=50] [days=14]}. Prints rows, bytes and bytes per sighting.
 */
public final class SightingDatabaseSize {
    private SightingDatabaseSize() {
    }

    public static void main(String[] args) throws Exception {
        int perScan = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 14;
        DutyCycle duty = DutyCycle.defaults();
        long scansPerDay = Duration.ofDays(1).toSeconds() / duty.period().toSeconds();
        Path dir = Files.createTempDirectory("bluezone-db-size");
        Path file = dir.resolve("phone.db");
        SplittableRandom random = new SplittableRandom(1);
        Instant start = Instant.parse("2021-07-01T00:00:00Z");
        long t0 = System.nanoTime();
        try (SqliteDeviceStorage db = SqliteDeviceStorage.open(file)) {
            for (long s = 0; s < scansPerDay * days; s++) {
                Instant at = start.plus(duty.period().multipliedBy(s));
                // Beacons change RPI every 10 minutes, so every second scan hears new RPIs.
                List<SightingDraft> drafts = new ArrayList<>(perScan);
                for (int i = 0; i < perScan; i++) {
                    byte[] rpi = new byte[16];
                    byte[] aem = new byte[4];
                    random.nextBytes(rpi);
                    random.nextBytes(aem);
                    int rssi = -60 - random.nextInt(40);
                    drafts.add(new SightingDraft(rpi, aem, rssi, rssi + random.nextInt(6), 1 + random.nextInt(16)));
                }
                db.recordScan(at, duty.window(), drafts);
            }
            try (var st = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file).createStatement()) {
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            long rows = db.sightingCount();
            long pages = db.sizeBytes();
            long onDisk = Files.size(file);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("days=%d scans=%d sightingsPerScan=%d rows=%d%n", days, scansPerDay * days, perScan, rows);
            System.out.printf("databaseBytes=%d (%.1f MiB) fileBytes=%d bytesPerSighting=%.1f fillSeconds=%.1f%n",
                    pages, pages / 1048576.0, onDisk, pages / (double) rows, seconds);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }
}
