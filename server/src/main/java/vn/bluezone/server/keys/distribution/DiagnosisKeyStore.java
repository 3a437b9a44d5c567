package vn.bluezone.server.keys.distribution;

import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;

/**
 * The one owner of {@code diagnosis_key}: submission hands it the keys of a redeemed upload, the export job reads
 * them back by the hour they became available, retention deletes old ones. It sets {@code available_at} from the
 * {@link Embargo}, so the publication rule lives with distribution. An unknown days-since-onset reads back as null
 * (the code before this store read it with {@code wasNull()} after the wrong column, so it came back as 0). Inserts are batched with
 * {@link JdbcTemplate#batchUpdate} ({@link JdbcClient} has no batch statement); everything else is {@link JdbcClient}.
 */
@Repository
public class DiagnosisKeyStore {
    private static final String INSERT = """
            INSERT INTO diagnosis_key (key_data, rolling_start, rolling_period, transmission_risk, report_type,
                days_since_onset, region, created_at, available_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /**
     * A key to publish: its report type, days since onset and region come from the certificate; {@code createdHour}
     * is the upload's time truncated to the hour (privacy: nothing finer is kept).
     */
    public record NewKey(byte[] keyData, int rollingStart, int rollingPeriod, int transmissionRisk,
                         ReportType reportType, Integer daysSinceOnset, String region, Instant createdHour) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Embargo embargo;

    public DiagnosisKeyStore(JdbcClient jdbc, JdbcTemplate batch, Embargo embargo) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.embargo = embargo;
    }

    /** Inserts the keys in one batched statement (in the caller's transaction). */
    public void insertAll(List<NewKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        batch.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                NewKey k = keys.get(i);
                ps.setBytes(1, k.keyData());
                ps.setInt(2, k.rollingStart());
                ps.setInt(3, k.rollingPeriod());
                ps.setInt(4, k.transmissionRisk());
                ps.setInt(5, k.reportType().code());
                if (k.daysSinceOnset() == null) {
                    ps.setNull(6, Types.INTEGER);
                } else {
                    ps.setInt(6, k.daysSinceOnset());
                }
                ps.setString(7, k.region());
                ps.setObject(8, utc(k.createdHour()));
                ps.setObject(9, utc(embargo.availableAt(k.rollingStart(), k.rollingPeriod(), k.createdHour())));
            }

            @Override
            public int getBatchSize() {
                return keys.size();
            }
        });
    }

    /** The distinct hours in [from, to] at which keys became available, oldest first. */
    public List<Instant> availableHours(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT DISTINCT available_at FROM diagnosis_key WHERE available_at >= ? AND available_at <= ?
                        ORDER BY available_at""").params(utc(from), utc(to))
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).list();
    }

    /** Regions other than {@code except} with keys available in [start, end), sorted. */
    public List<String> regionsAvailable(Instant start, Instant end, String except) {
        return jdbc.sql("""
                SELECT DISTINCT region FROM diagnosis_key WHERE available_at >= ? AND available_at < ? AND region <> ?
                ORDER BY region""").params(utc(start), utc(end), except).query(String.class).list();
    }

    /**
     * Keys that became available in [start, end), of one region or (region null) of all, in the order stored,
     * a key's data sent twice kept once.
     */
    public List<TemporaryExposureKey> available(String region, Instant start, Instant end) {
        String sql = "SELECT key_data, rolling_start, rolling_period, transmission_risk, report_type, days_since_onset "
                + "FROM diagnosis_key WHERE available_at >= ? AND available_at < ?"
                + (region == null ? "" : " AND region = ?") + " ORDER BY id";
        List<Object> params = new ArrayList<>(List.of(utc(start), utc(end)));
        if (region != null) {
            params.add(region);
        }
        Set<ByteBuffer> seen = new HashSet<>();
        List<TemporaryExposureKey> keys = new ArrayList<>();
        jdbc.sql(sql).params(params).query(rs -> {
            byte[] data = rs.getBytes(1);
            if (seen.add(ByteBuffer.wrap(data))) {
                keys.add(new TemporaryExposureKey(data, rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        ReportType.ofCode(rs.getInt(5)), rs.getObject(6, Integer.class)));
            }
        });
        return keys;
    }

    /** Deletes keys stored before {@code cutoff}; returns how many. */
    public int deleteCreatedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM diagnosis_key WHERE created_at < ?").param(utc(cutoff)).update();
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
