package vn.bluezone.server.keys.distribution;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * The one owner of the export tables: {@code export_batch} (one per region, kind HOUR/DAY and window start),
 * {@code export_file} (the files of a batch as written to the blob store) and {@code export_padding} (the random
 * keys that pad a small batch, kept so that a rebuild gives the same set). {@link JdbcClient} for statements;
 * padding is inserted with one {@link JdbcTemplate#batchUpdate}.
 */
@Repository
public class ExportStore {
    /** A batch as published: window, real and padding key counts. */
    public record Batch(String region, String kind, Instant start, Instant end, int keyCount, int padCount,
                        Instant createdAt) {
    }

    /** One file of a batch. */
    public record File(String name, int batchNum, int batchSize, int keyCount, String sha256) {
    }

    /** Where a stored file lives: {@code region/name} in the blob store. */
    public record FileRef(String region, String name) {
        public String path() {
            return region + "/" + name;
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public ExportStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Regions whose batch of this kind and window start was built already. */
    public Set<String> builtRegions(String kind, Instant start) {
        return new HashSet<>(jdbc.sql("SELECT region FROM export_batch WHERE kind = ? AND start_at = ?")
                .params(kind, utc(start)).query(String.class).list());
    }

    /** Records a batch and its files (call it in a transaction, after the files are in the blob store). */
    public void publish(Batch b, List<File> files) {
        jdbc.sql("""
                INSERT INTO export_batch (region, kind, start_at, end_at, key_count, pad_count, file_count, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(b.region(), b.kind(), utc(b.start()), utc(b.end()), b.keyCount(), b.padCount(), files.size(),
                        utc(b.createdAt()))
                .update();
        long batchId = jdbc.sql("SELECT id FROM export_batch WHERE region = ? AND kind = ? AND start_at = ?")
                .params(b.region(), b.kind(), utc(b.start())).query(Long.class).single();
        for (File f : files) {
            jdbc.sql("""
                    INSERT INTO export_file (batch_id, region, name, batch_num, batch_size, key_count, sha256, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(batchId, b.region(), f.name(), f.batchNum(), f.batchSize(), f.keyCount(), f.sha256(),
                            utc(b.createdAt()))
                    .update();
        }
    }

    /** File names of a region's batches of one kind, oldest window first, in file order: an index's lines. */
    public List<String> fileNames(String region, String kind) {
        return jdbc.sql("""
                SELECT f.name FROM export_file f JOIN export_batch b ON b.id = f.batch_id
                WHERE b.region = ? AND b.kind = ? ORDER BY b.start_at, f.batch_num""")
                .params(region, kind).query(String.class).list();
    }

    /** The padding kept for a batch, in the order it was made. */
    public List<TemporaryExposureKey> padding(String region, String kind, Instant start) {
        return jdbc.sql("""
                SELECT key_data, rolling_start, rolling_period, transmission_risk, report_type, days_since_onset
                FROM export_padding WHERE region = ? AND kind = ? AND start_at = ? ORDER BY id""")
                .params(region, kind, utc(start))
                .query((rs, n) -> new TemporaryExposureKey(rs.getBytes(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        ReportType.ofCode(rs.getInt(5)), rs.getObject(6, Integer.class))).list();
    }

    /** Keeps more padding for a batch. */
    public void addPadding(String region, String kind, Instant start, List<TemporaryExposureKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                INSERT INTO export_padding (region, kind, start_at, key_data, rolling_start, rolling_period,
                    transmission_risk, report_type, days_since_onset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        TemporaryExposureKey k = keys.get(i);
                        ps.setString(1, region);
                        ps.setString(2, kind);
                        ps.setObject(3, utc(start));
                        ps.setBytes(4, k.keyData());
                        ps.setInt(5, k.rollingStartIntervalNumber());
                        ps.setInt(6, k.rollingPeriod());
                        ps.setInt(7, k.transmissionRiskLevel());
                        ps.setInt(8, k.reportType().code());
                        if (k.daysSinceOnsetOfSymptoms() == null) {
                            ps.setNull(9, Types.INTEGER);
                        } else {
                            ps.setInt(9, k.daysSinceOnsetOfSymptoms());
                        }
                    }

                    @Override
                    public int getBatchSize() {
                        return keys.size();
                    }
                });
    }

    /** Files of the batches whose window ended before {@code cutoff}. */
    public List<FileRef> filesEndedBefore(Instant cutoff) {
        return jdbc.sql("""
                SELECT f.region, f.name FROM export_file f JOIN export_batch b ON b.id = f.batch_id
                WHERE b.end_at < ?""").param(utc(cutoff))
                .query((rs, n) -> new FileRef(rs.getString(1), rs.getString(2))).list();
    }

    /**
     * Deletes the batches whose window ended before {@code cutoff} with their files, and padding of windows that
     * started a day before it; returns the number of batches.
     */
    public int deleteEndedBefore(Instant cutoff) {
        jdbc.sql("DELETE FROM export_file WHERE batch_id IN (SELECT id FROM export_batch WHERE end_at < ?)")
                .param(utc(cutoff)).update();
        jdbc.sql("DELETE FROM export_padding WHERE start_at < ?").param(utc(cutoff.minus(Duration.ofDays(1))))
                .update();
        return jdbc.sql("DELETE FROM export_batch WHERE end_at < ?").param(utc(cutoff)).update();
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
