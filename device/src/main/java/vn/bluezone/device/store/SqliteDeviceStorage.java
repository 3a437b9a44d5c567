package vn.bluezone.device.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;

/**
 * {@link DeviceStorage} in an embedded SQLite database (sqlite-jdbc), one file per phone or in memory for
 * simulations. Times are stored as epoch milliseconds. One connection, guarded by the object lock: a phone has
 * one engine, and SQLite serialises writers anyway.
 */
public final class SqliteDeviceStorage implements DeviceStorage {

    private final Connection connection;

    private SqliteDeviceStorage(String url) {
        try {
            connection = DriverManager.getConnection(url);
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                for (String ddl : DeviceSchema.TABLES) {
                    s.execute(ddl);
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot open the phone database " + url + ": " + e.getMessage(), e);
        }
    }

    public static SqliteDeviceStorage open(Path file) {
        return new SqliteDeviceStorage("jdbc:sqlite:" + file.toAbsolutePath());
    }

    public static SqliteDeviceStorage inMemory() {
        return new SqliteDeviceStorage("jdbc:sqlite::memory:");
    }

    @Override
    public synchronized void saveKey(TemporaryExposureKey key) {
        update("INSERT INTO own_key(key_data, rolling_start, rolling_period) VALUES (?,?,?)"
                        + " ON CONFLICT(key_data) DO UPDATE SET rolling_start=excluded.rolling_start,"
                        + " rolling_period=excluded.rolling_period",
                key.keyData(), key.rollingStartIntervalNumber(), key.rollingPeriod());
    }

    @Override
    public synchronized List<TemporaryExposureKey> keysEndingAfter(long fromInterval) {
        return queryKeys("SELECT key_data, rolling_start, rolling_period FROM own_key"
                + " WHERE rolling_start + rolling_period > ? ORDER BY rolling_start", fromInterval);
    }

    @Override
    public synchronized Optional<TemporaryExposureKey> latestKey() {
        List<TemporaryExposureKey> keys = queryKeys("SELECT key_data, rolling_start, rolling_period FROM own_key"
                + " ORDER BY rolling_start DESC, rowid DESC LIMIT 1");
        return keys.stream().findFirst();
    }

    private List<TemporaryExposureKey> queryKeys(String sql, Object... args) {
        try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
            List<TemporaryExposureKey> keys = new ArrayList<>();
            while (rs.next()) {
                // Own keys carry no diagnosis metadata; the report flow sets it when uploading.
                keys.add(new TemporaryExposureKey(rs.getBytes(1), rs.getInt(2), rs.getInt(3), 0,
                        ReportType.UNKNOWN, null));
            }
            return keys;
        } catch (SQLException e) {
            throw new StorageException("reading own keys failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized long recordScan(Instant startedAt, Duration duration, List<SightingDraft> sightings) {
        try {
            connection.setAutoCommit(false);
            long scanId;
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO scan(started_at, duration_ms) VALUES (?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, startedAt.toEpochMilli());
                ps.setLong(2, duration.toMillis());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    scanId = keys.getLong(1);
                }
            }
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO sighting(scan_id, rpi, aem,"
                    + " rssi_typical, rssi_max, packets, seen_at) VALUES (?,?,?,?,?,?,?)")) {
                for (SightingDraft s : sightings) {
                    ps.setLong(1, scanId);
                    ps.setBytes(2, s.rpi());
                    ps.setBytes(3, s.aem());
                    ps.setInt(4, s.rssiTypical());
                    ps.setInt(5, s.rssiMax());
                    ps.setInt(6, s.packets());
                    ps.setLong(7, startedAt.toEpochMilli());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            connection.commit();
            return scanId;
        } catch (SQLException e) {
            rollbackQuietly();
            throw new StorageException("storing a scan failed: " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    @Override
    public synchronized List<Sighting> sightingsBetween(Instant from, Instant to) {
        try (PreparedStatement ps = prepare("SELECT scan_id, rpi, aem, rssi_typical, rssi_max, packets, seen_at"
                + " FROM sighting WHERE seen_at >= ? AND seen_at < ? ORDER BY seen_at",
                from.toEpochMilli(), to.toEpochMilli()); ResultSet rs = ps.executeQuery()) {
            List<Sighting> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new Sighting(rs.getLong(1), rs.getBytes(2), rs.getBytes(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), Instant.ofEpochMilli(rs.getLong(7))));
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException("reading sightings failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<ScanRecord> scansBetween(Instant from, Instant to) {
        try (PreparedStatement ps = prepare("SELECT id, started_at, duration_ms FROM scan"
                + " WHERE started_at >= ? AND started_at < ? ORDER BY started_at",
                from.toEpochMilli(), to.toEpochMilli()); ResultSet rs = ps.executeQuery()) {
            List<ScanRecord> out = new ArrayList<>();
            while (rs.next()) {
                out.add(new ScanRecord(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
                        Duration.ofMillis(rs.getLong(3))));
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException("reading scans failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized long sightingCount() {
        try (PreparedStatement ps = prepare("SELECT COUNT(*) FROM sighting"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new StorageException("counting sightings failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Set<String> processedExportFiles(String region) {
        try (PreparedStatement ps = prepare("SELECT name FROM export_file WHERE region = ?", region);
             ResultSet rs = ps.executeQuery()) {
            Set<String> out = new HashSet<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException("reading checked export files failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void markExportFileProcessed(String region, String fileName, Instant at) {
        update("INSERT OR REPLACE INTO export_file(region, name, processed_at) VALUES (?,?,?)",
                region, fileName, at.toEpochMilli());
    }

    @Override
    public synchronized boolean recordWarningIfNew(String level, LocalDate contactDay, Instant at) {
        return update("INSERT OR IGNORE INTO warning(level, contact_day, issued_at) VALUES (?,?,?)",
                level, contactDay.toString(), at.toEpochMilli()) == 1;
    }

    @Override
    public synchronized void saveMatchedKey(TemporaryExposureKey key, Instant matchedAt) {
        update("INSERT INTO matched_key(key_data, rolling_start, rolling_period, transmission_risk, report_type,"
                        + " days_since_onset, matched_at) VALUES (?,?,?,?,?,?,?) ON CONFLICT(key_data) DO UPDATE SET"
                        + " rolling_start=excluded.rolling_start, rolling_period=excluded.rolling_period,"
                        + " transmission_risk=excluded.transmission_risk, report_type=excluded.report_type,"
                        + " days_since_onset=excluded.days_since_onset",
                key.keyData(), key.rollingStartIntervalNumber(), key.rollingPeriod(), key.transmissionRiskLevel(),
                key.reportType().code(), key.daysSinceOnsetOfSymptoms(), matchedAt.toEpochMilli());
    }

    @Override
    public synchronized List<TemporaryExposureKey> matchedKeys() {
        try (PreparedStatement ps = prepare("SELECT key_data, rolling_start, rolling_period, transmission_risk,"
                + " report_type, days_since_onset FROM matched_key ORDER BY rolling_start, rowid");
             ResultSet rs = ps.executeQuery()) {
            List<TemporaryExposureKey> keys = new ArrayList<>();
            while (rs.next()) {
                int onset = rs.getInt(6);
                Integer days = rs.wasNull() ? null : onset;
                keys.add(new TemporaryExposureKey(rs.getBytes(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        ReportType.ofCode(rs.getInt(5)), days));
            }
            return keys;
        } catch (SQLException e) {
            throw new StorageException("reading matched keys failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<String> state(String name) {
        try (PreparedStatement ps = prepare("SELECT value FROM state WHERE name = ?", name);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new StorageException("reading state failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void setState(String name, String value) {
        update("INSERT OR REPLACE INTO state(name, value) VALUES (?,?)", name, value);
    }

    @Override
    public synchronized PurgeResult purgeBefore(Instant cutoff) {
        long ms = cutoff.toEpochMilli();
        long interval = EnIntervalNumber.of(cutoff);
        try {
            connection.setAutoCommit(false);
            int sightings = updateInTx("DELETE FROM sighting WHERE seen_at < ?", ms);
            int scans = updateInTx("DELETE FROM scan WHERE started_at < ?", ms);
            // A key is old once its whole validity lies before the cutoff.
            int keys = updateInTx("DELETE FROM own_key WHERE rolling_start + rolling_period <= ?", interval);
            int matched = updateInTx("DELETE FROM matched_key WHERE rolling_start + rolling_period <= ?", interval);
            int warnings = updateInTx("DELETE FROM warning WHERE issued_at < ?", ms);
            int files = updateInTx("DELETE FROM export_file WHERE processed_at < ?", ms);
            connection.commit();
            return new PurgeResult(sightings, scans, keys, matched, warnings, files);
        } catch (SQLException e) {
            rollbackQuietly();
            throw new StorageException("purging old data failed: " + e.getMessage(), e);
        } finally {
            autoCommit();
        }
    }

    /** Size of the database in bytes (pages in use), for figures. */
    public synchronized long sizeBytes() {
        try (PreparedStatement a = prepare("PRAGMA page_count"); ResultSet ra = a.executeQuery();
             PreparedStatement b = prepare("PRAGMA page_size"); ResultSet rb = b.executeQuery()) {
            ra.next();
            rb.next();
            return ra.getLong(1) * rb.getLong(1);
        } catch (SQLException e) {
            throw new StorageException("reading the database size failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StorageException("closing the phone database failed: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... args) {
        try (PreparedStatement ps = prepare(sql, args)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("writing the phone database failed: " + e.getMessage(), e);
        }
    }

    private int updateInTx(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(sql, args)) {
            return ps.executeUpdate();
        }
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }

    private void autoCommit() {
        try {
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new StorageException("resetting auto-commit failed: " + e.getMessage(), e);
        }
    }
}
