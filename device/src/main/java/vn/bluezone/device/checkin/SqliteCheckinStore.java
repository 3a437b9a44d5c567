package vn.bluezone.device.checkin;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.bluezone.device.store.StorageException;

/** The phone's check-in store: one SQLite file (or in memory), times in epoch milliseconds. */
public final class SqliteCheckinStore implements CheckinStore, AutoCloseable {
    private final Connection db;

    private SqliteCheckinStore(String url) {
        try {
            db = DriverManager.getConnection(url);
            try (Statement s = db.createStatement()) {
                for (String ddl : CheckinSchema.TABLES) {
                    s.executeUpdate(ddl);
                }
            }
        } catch (SQLException e) {
            throw new StorageException("cannot open the check-in database: " + e.getMessage(), e);
        }
    }

    public static SqliteCheckinStore open(Path file) {
        return new SqliteCheckinStore("jdbc:sqlite:" + file.toAbsolutePath());
    }

    public static SqliteCheckinStore inMemory() {
        return new SqliteCheckinStore("jdbc:sqlite::memory:");
    }

    @Override
    public synchronized StoredCheckin insert(StoredCheckin c) {
        try (PreparedStatement ps = db.prepareStatement("INSERT INTO checkin (place_code, payload, check_in, check_out, "
                + "auto_check_out) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, c.placeCode());
            ps.setBytes(2, c.payload());
            ps.setLong(3, c.checkIn().toEpochMilli());
            setInstant(ps, 4, c.checkOut());
            ps.setLong(5, c.autoCheckOut().toEpochMilli());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return c.withId(keys.getLong(1));
            }
        } catch (SQLException e) {
            throw new StorageException("cannot store the check-in: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void update(StoredCheckin c) {
        try (PreparedStatement ps = db.prepareStatement("UPDATE checkin SET check_in = ?, check_out = ? WHERE id = ?")) {
            ps.setLong(1, c.checkIn().toEpochMilli());
            setInstant(ps, 2, c.checkOut());
            ps.setLong(3, c.id());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot update the check-in: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<StoredCheckin> find(long id) {
        List<StoredCheckin> l = query("SELECT * FROM checkin WHERE id = " + id);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    @Override
    public synchronized List<StoredCheckin> all() {
        return query("SELECT * FROM checkin ORDER BY check_in, id");
    }

    private List<StoredCheckin> query(String sql) {
        List<StoredCheckin> out = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                long out0 = rs.getLong("check_out");
                Instant checkOut = rs.wasNull() ? null : Instant.ofEpochMilli(out0);
                out.add(new StoredCheckin(rs.getLong("id"), rs.getString("place_code"), rs.getBytes("payload"),
                        Instant.ofEpochMilli(rs.getLong("check_in")), checkOut,
                        Instant.ofEpochMilli(rs.getLong("auto_check_out"))));
            }
            return out;
        } catch (SQLException e) {
            throw new StorageException("cannot read check-ins: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized boolean packageChecked(String name) {
        return exists("SELECT 1 FROM checkin_package WHERE name = ?", name);
    }

    @Override
    public synchronized void markPackageChecked(String name, Instant at) {
        insertOrIgnore("INSERT OR IGNORE INTO checkin_package (name, at) VALUES (?, ?)", name, at);
    }

    @Override
    public synchronized boolean markWarned(String key, Instant at) {
        return insertOrIgnore("INSERT OR IGNORE INTO checkin_warned (k, at) VALUES (?, ?)", key, at) == 1;
    }

    @Override
    public synchronized boolean warned(String key) {
        return exists("SELECT 1 FROM checkin_warned WHERE k = ?", key);
    }

    @Override
    public synchronized int purgeBefore(Instant cutoff) {
        try (Statement s = db.createStatement()) {
            long t = cutoff.toEpochMilli();
            s.executeUpdate("DELETE FROM checkin_package WHERE at < " + t);
            s.executeUpdate("DELETE FROM checkin_warned WHERE at < " + t);
            return s.executeUpdate("DELETE FROM checkin WHERE check_in < " + t);
        } catch (SQLException e) {
            throw new StorageException("cannot purge check-ins: " + e.getMessage(), e);
        }
    }

    private boolean exists(String sql, String arg) {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new StorageException("cannot read the check-in database: " + e.getMessage(), e);
        }
    }

    private int insertOrIgnore(String sql, String key, Instant at) {
        try (PreparedStatement ps = db.prepareStatement(sql)) {
            ps.setString(1, key);
            ps.setLong(2, at.toEpochMilli());
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("cannot write the check-in database: " + e.getMessage(), e);
        }
    }

    private static void setInstant(PreparedStatement ps, int i, Instant t) throws SQLException {
        if (t == null) {
            ps.setNull(i, java.sql.Types.INTEGER);
        } else {
            ps.setLong(i, t.toEpochMilli());
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new StorageException("cannot close the check-in database: " + e.getMessage(), e);
        }
    }
}
