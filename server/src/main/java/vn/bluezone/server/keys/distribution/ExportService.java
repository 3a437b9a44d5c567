package vn.bluezone.server.keys.distribution;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.export.SigningKey;
import vn.bluezone.server.keys.JobLock;
import vn.bluezone.server.keys.KeysProperties;
import vn.bluezone.server.keys.SigningKeys;

/**
 * The export job: for every complete hour and day that has keys, one batch for the whole country ("VN") and one
 * per province with keys, padded, split, signed with every active export key and written to the blob store with
 * per-region indexes ({@code REGION/index.txt} hourly files, {@code REGION/index-daily.txt} daily files).
 * One server at a time (a lease in {@code job_lock}); a batch once built is never rebuilt differently, since
 * its window only holds keys that became available inside it and its padding is persisted.
 */
@Service
public class ExportService {
    public static final String NATIONAL = "VN";
    public static final String HOUR = "HOUR";
    public static final String DAY = "DAY";
    static final Duration SAFETY_MARGIN = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(ExportService.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final BlobStore store;
    private final SigningKeys signingKeys;
    private final KeysProperties.Export cfg;
    private final String keyId;
    private final Clock clock;
    private final SecureRandom random;
    private final JobLock lock;
    private final ExportFileBuilder builder;

    public ExportService(JdbcTemplate jdbc, TransactionTemplate tx, BlobStore store, SigningKeys signingKeys,
                         KeysProperties props, Clock clock, SecureRandom random, JobLock lock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.store = store;
        this.signingKeys = signingKeys;
        this.cfg = props.export();
        this.keyId = props.signing().keyId();
        this.clock = clock;
        this.random = random;
        this.lock = lock;
        this.builder = new ExportFileBuilder(cfg.maxKeysPerFile(), cfg.compressionLevel());
    }

    /** What one run did. */
    public record RunSummary(boolean ran, int batches, int files, long keys, Set<String> regions) {
    }

    /** Builds every due batch; returns at once (ran=false) when another instance holds the lease. */
    public RunSummary runOnce() {
        if (!lock.tryLock("export", Duration.ofMinutes(30))) {
            log.info("export job skipped: another instance is running it");
            return new RunSummary(false, 0, 0, 0, Set.of());
        }
        try {
            return buildDue();
        } finally {
            lock.unlock("export");
        }
    }

    private RunSummary buildDue() {
        Instant now = clock.instant();
        Instant horizon = now.minus(SAFETY_MARGIN);
        Instant oldest = now.minus(Duration.ofDays(cfg.retentionDays())).truncatedTo(ChronoUnit.HOURS);
        List<Instant> hours = jdbc.query("""
                        SELECT DISTINCT available_at FROM diagnosis_key WHERE available_at >= ? AND available_at <= ?
                        ORDER BY available_at""",
                (rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant(), ts(oldest), ts(horizon.minus(Duration.ofHours(1))));
        Set<String> touched = new TreeSet<>();
        int batches = 0;
        int files = 0;
        long keys = 0;
        Set<Instant> days = new TreeSet<>();
        for (Instant h : hours) {
            days.add(h.truncatedTo(ChronoUnit.DAYS));
            for (BatchResult r : buildWindow(HOUR, h, h.plus(Duration.ofHours(1)))) {
                batches++;
                files += r.files();
                keys += r.keys();
                touched.add(r.region());
            }
        }
        for (Instant d : days) {
            Instant end = d.plus(Duration.ofDays(1));
            if (end.isAfter(horizon)) {
                continue; // the day is not over yet
            }
            for (BatchResult r : buildWindow(DAY, d, end)) {
                batches++;
                files += r.files();
                keys += r.keys();
                touched.add(r.region());
            }
        }
        for (String region : touched) {
            writeIndexes(region);
        }
        if (batches > 0) {
            log.info("export: {} batches, {} files, {} keys (with padding) for {}", batches, files, keys, touched);
        }
        return new RunSummary(true, batches, files, keys, touched);
    }

    record BatchResult(String region, int files, long keys) {
    }

    /** Batches for the country and every province with keys in [start, end) that were not built yet. */
    private List<BatchResult> buildWindow(String kind, Instant start, Instant end) {
        Set<String> built = new HashSet<>(jdbc.queryForList(
                "SELECT region FROM export_batch WHERE kind = ? AND start_at = ?", String.class, kind, ts(start)));
        List<String> regions = new ArrayList<>();
        regions.add(NATIONAL);
        regions.addAll(jdbc.queryForList("""
                SELECT DISTINCT region FROM diagnosis_key WHERE available_at >= ? AND available_at < ? AND region <> ?
                ORDER BY region""", String.class, ts(start), ts(end), NATIONAL));
        List<BatchResult> results = new ArrayList<>();
        for (String region : regions) {
            if (!built.contains(region)) {
                BatchResult r = buildBatch(region, kind, start, end);
                if (r != null) {
                    results.add(r);
                }
            }
        }
        return results;
    }

    /** Builds, signs and stores one batch; null when it has no keys. */
    BatchResult buildBatch(String region, String kind, Instant start, Instant end) {
        List<TemporaryExposureKey> real = loadKeys(region, start, end);
        if (real.isEmpty()) {
            return null;
        }
        List<TemporaryExposureKey> padding = loadOrCreatePadding(region, kind, start, real);
        List<TemporaryExposureKey> all = new ArrayList<>(real.size() + padding.size());
        all.addAll(real);
        all.addAll(padding);
        List<SigningKey> signers = signingKeys.active(SigningKeys.EXPORT).stream()
                .map(k -> new SigningKey(k.privateKey(), k.keyId(), k.keyVersion())).toList();
        List<ExportFileBuilder.BuiltFile> built = builder.build(region, kind.toLowerCase(), start, end, all, signers);
        // Files first, then the rows that publish them: a crash in between leaves unreferenced files only.
        for (ExportFileBuilder.BuiltFile f : built) {
            store.put(region + "/" + f.name(), f.zip(), "application/zip");
        }
        tx.executeWithoutResult(s -> {
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            jdbc.update("""
                    INSERT INTO export_batch (region, kind, start_at, end_at, key_count, pad_count, file_count, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", region, kind, ts(start), ts(end), real.size(), padding.size(),
                    built.size(), now);
            Long batchId = jdbc.queryForObject("SELECT id FROM export_batch WHERE region = ? AND kind = ? AND start_at = ?",
                    Long.class, region, kind, ts(start));
            for (ExportFileBuilder.BuiltFile f : built) {
                jdbc.update("""
                        INSERT INTO export_file (batch_id, region, name, batch_num, batch_size, key_count, sha256, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", batchId, region, f.name(), f.batchNum(), f.batchSize(),
                        f.keyCount(), f.sha256(), now);
            }
        });
        return new BatchResult(region, built.size(), all.size());
    }

    /** Keys that became available in [start, end), for a province or the whole country; duplicates dropped. */
    List<TemporaryExposureKey> loadKeys(String region, Instant start, Instant end) {
        String sql = "SELECT key_data, rolling_start, rolling_period, transmission_risk, report_type, days_since_onset "
                + "FROM diagnosis_key WHERE available_at >= ? AND available_at < ?"
                + (NATIONAL.equals(region) ? "" : " AND region = ?") + " ORDER BY id";
        Object[] args = NATIONAL.equals(region) ? new Object[] {ts(start), ts(end)} : new Object[] {ts(start), ts(end), region};
        Set<ByteBuffer> seen = new HashSet<>();
        List<TemporaryExposureKey> keys = new ArrayList<>();
        jdbc.query(sql, rs -> {
            byte[] data = rs.getBytes(1);
            if (seen.add(ByteBuffer.wrap(data))) {
                int dsos = rs.getInt(6);
                keys.add(new TemporaryExposureKey(data, rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        ReportType.ofCode(rs.getInt(5)), rs.wasNull() ? null : dsos));
            }
        }, args);
        return keys;
    }

    private List<TemporaryExposureKey> loadOrCreatePadding(String region, String kind, Instant start,
                                                           List<TemporaryExposureKey> real) {
        List<TemporaryExposureKey> existing = jdbc.query("""
                SELECT key_data, rolling_start, rolling_period, transmission_risk, report_type, days_since_onset
                FROM export_padding WHERE region = ? AND kind = ? AND start_at = ? ORDER BY id""",
                (rs, n) -> {
                    int dsos = rs.getInt(6);
                    return new TemporaryExposureKey(rs.getBytes(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                            ReportType.ofCode(rs.getInt(5)), rs.wasNull() ? null : dsos);
                }, region, kind, ts(start));
        List<TemporaryExposureKey> more = ExportFileBuilder.padding(real, cfg.minKeysPerFile() - existing.size(), random);
        if (!more.isEmpty()) {
            List<Object[]> rows = new ArrayList<>(more.size());
            for (TemporaryExposureKey k : more) {
                rows.add(new Object[] {region, kind, ts(start), k.keyData(), k.rollingStartIntervalNumber(),
                        k.rollingPeriod(), k.transmissionRiskLevel(), k.reportType().code(), k.daysSinceOnsetOfSymptoms()});
            }
            jdbc.batchUpdate("""
                    INSERT INTO export_padding (region, kind, start_at, key_data, rolling_start, rolling_period,
                        transmission_risk, report_type, days_since_onset) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        }
        List<TemporaryExposureKey> all = new ArrayList<>(existing);
        all.addAll(more);
        return all;
    }

    /** Rewrites {@code REGION/index.txt} (hourly files) and {@code REGION/index-daily.txt}, oldest first. */
    public void writeIndexes(String region) {
        for (String kind : List.of(HOUR, DAY)) {
            List<String> names = jdbc.queryForList("""
                    SELECT f.name FROM export_file f JOIN export_batch b ON b.id = f.batch_id
                    WHERE b.region = ? AND b.kind = ? ORDER BY b.start_at, f.batch_num""", String.class, region, kind);
            StringBuilder sb = new StringBuilder();
            for (String n : names) {
                sb.append(region).append('/').append(n).append('\n');
            }
            store.put(region + "/" + (HOUR.equals(kind) ? "index.txt" : "index-daily.txt"),
                    sb.toString().getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
        }
    }

    public String keyId() {
        return keyId;
    }

    static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
