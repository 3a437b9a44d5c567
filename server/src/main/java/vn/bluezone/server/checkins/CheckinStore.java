package vn.bluezone.server.checkins;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.bluezone.protocol.checkin.ProtectedReport;

/** The only writer of {@code checkin_report} and {@code checkin_package}; records in and out. */
@Repository
public class CheckinStore {
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public CheckinStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Inserts in the caller's transaction (the upload's, so keys and check-ins commit together). */
    public void insert(List<CheckinReportRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                INSERT INTO checkin_report (location_id_hash, iv, encrypted_record, mac, region, available_at)
                VALUES (?, ?, ?, ?, ?, ?)""", rows, rows.size(), (ps, r) -> {
            ps.setBytes(1, r.report().locationIdHash());
            ps.setBytes(2, r.report().iv());
            ps.setBytes(3, r.report().encryptedRecord());
            ps.setBytes(4, r.report().mac());
            ps.setString(5, r.region());
            ps.setObject(6, ts(r.availableAt()));
        });
    }

    /** Hours (their first instant) in [from, to] that hold reports. */
    public List<Instant> hoursWithReports(Instant from, Instant to) {
        return jdbc.sql("SELECT DISTINCT available_at FROM checkin_report WHERE available_at >= ? AND available_at <= ? "
                        + "ORDER BY available_at").params(ts(from), ts(to))
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).list();
    }

    /** Provinces (not VN) with reports in [start, end). */
    public List<String> provincesWithReports(Instant start, Instant end) {
        return jdbc.sql("SELECT DISTINCT region FROM checkin_report WHERE available_at >= ? AND available_at < ? "
                        + "AND region <> 'VN' ORDER BY region").params(ts(start), ts(end))
                .query(String.class).list();
    }

    /** Reports for a region's package: VN gets all, a province its own. */
    public List<CheckinReportRow> reports(String region, Instant start, Instant end) {
        String where = "VN".equals(region) ? "" : " AND region = ?";
        var spec = jdbc.sql("SELECT * FROM checkin_report WHERE available_at >= ? AND available_at < ?" + where
                + " ORDER BY id");
        spec = "VN".equals(region) ? spec.params(ts(start), ts(end)) : spec.params(ts(start), ts(end), region);
        return spec.query(CheckinStore::reportRow).list();
    }

    public boolean packageBuilt(String region, Instant start) {
        return jdbc.sql("SELECT COUNT(*) FROM checkin_package WHERE region = ? AND start_at = ?")
                .params(region, ts(start)).query(Long.class).single() > 0;
    }

    public void recordPackage(CheckinPackageRow p) {
        jdbc.sql("INSERT INTO checkin_package (region, start_at, path, report_count, created_at, sha256) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(p.region(), ts(p.startAt()), p.path(), p.reportCount(), ts(p.createdAt()), p.sha256()).update();
    }

    /** A region's packages, oldest first. */
    public List<CheckinPackageRow> packages(String region) {
        return jdbc.sql("SELECT * FROM checkin_package WHERE region = ? ORDER BY start_at").param(region)
                .query(CheckinStore::packageRow).list();
    }

    public List<String> regionsWithPackages() {
        return jdbc.sql("SELECT DISTINCT region FROM checkin_package ORDER BY region").query(String.class).list();
    }

    public List<CheckinPackageRow> packagesBefore(Instant cutoff) {
        return jdbc.sql("SELECT * FROM checkin_package WHERE start_at < ? ORDER BY start_at").param(ts(cutoff))
                .query(CheckinStore::packageRow).list();
    }

    /** Deletes reports and package records older than {@code cutoff}; returns how many reports went. */
    public int deleteBefore(Instant cutoff) {
        jdbc.sql("DELETE FROM checkin_package WHERE start_at < ?").param(ts(cutoff)).update();
        return jdbc.sql("DELETE FROM checkin_report WHERE available_at < ?").param(ts(cutoff)).update();
    }

    public long countReports() {
        return jdbc.sql("SELECT COUNT(*) FROM checkin_report").query(Long.class).single();
    }

    private static CheckinReportRow reportRow(ResultSet rs, int n) throws SQLException {
        return new CheckinReportRow(new ProtectedReport(rs.getBytes("location_id_hash"), rs.getBytes("iv"),
                rs.getBytes("encrypted_record"), rs.getBytes("mac")), rs.getString("region"),
                rs.getObject("available_at", OffsetDateTime.class).toInstant());
    }

    private static CheckinPackageRow packageRow(ResultSet rs, int n) throws SQLException {
        return new CheckinPackageRow(rs.getString("region"), rs.getObject("start_at", OffsetDateTime.class).toInstant(),
                rs.getString("path"), rs.getInt("report_count"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getBytes("sha256"));
    }

    static OffsetDateTime ts(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
