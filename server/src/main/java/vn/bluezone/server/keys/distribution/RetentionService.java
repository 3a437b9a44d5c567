package vn.bluezone.server.keys.distribution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import vn.bluezone.server.keys.JobLock;
import vn.bluezone.server.keys.KeysProperties;

/**
 * Deletes what is older than the retention period (14 days by default): diagnosis keys, export batches with
 * their files and padding, and spent verification codes, tokens and certificate ids. Indexes are rewritten so
 * that they never name a deleted file.
 */
@Service
public class RetentionService {
    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);

    private final JdbcTemplate jdbc;
    private final BlobStore store;
    private final ExportService exports;
    private final KeysProperties.Export cfg;
    private final Clock clock;
    private final JobLock lock;

    public RetentionService(JdbcTemplate jdbc, BlobStore store, ExportService exports, KeysProperties props,
                            Clock clock, JobLock lock) {
        this.jdbc = jdbc;
        this.store = store;
        this.exports = exports;
        this.cfg = props.export();
        this.clock = clock;
        this.lock = lock;
    }

    /** Counts of what was deleted. */
    public record Summary(boolean ran, int keys, int batches, int files, int codes) {
    }

    public Summary runOnce() {
        if (!lock.tryLock("retention", Duration.ofMinutes(30))) {
            return new Summary(false, 0, 0, 0, 0);
        }
        try {
            Instant now = clock.instant();
            OffsetDateTime cutoff = now.minus(Duration.ofDays(cfg.retentionDays())).atOffset(ZoneOffset.UTC);
            int keys = jdbc.update("DELETE FROM diagnosis_key WHERE created_at < ?", cutoff);
            List<Map<String, Object>> files = jdbc.queryForList("""
                    SELECT f.region, f.name FROM export_file f JOIN export_batch b ON b.id = f.batch_id
                    WHERE b.end_at < ?""", cutoff);
            TreeSet<String> regions = new TreeSet<>();
            for (Map<String, Object> f : files) {
                regions.add((String) f.get("region"));
            }
            jdbc.update("DELETE FROM export_file WHERE batch_id IN (SELECT id FROM export_batch WHERE end_at < ?)", cutoff);
            jdbc.update("DELETE FROM export_padding WHERE start_at < ?", cutoff.minusDays(1));
            int batches = jdbc.update("DELETE FROM export_batch WHERE end_at < ?", cutoff);
            // Indexes first, so that no index names a file about to disappear.
            for (String region : regions) {
                exports.writeIndexes(region);
            }
            for (Map<String, Object> f : files) {
                store.delete(f.get("region") + "/" + f.get("name"));
            }
            OffsetDateTime nowT = now.atOffset(ZoneOffset.UTC);
            jdbc.update("DELETE FROM verification_token WHERE expires_at < ?", nowT);
            jdbc.update("DELETE FROM issued_certificate WHERE expires_at < ?", nowT.minusDays(1));
            int codes = jdbc.update("DELETE FROM verification_code WHERE issued_at < ?", cutoff);
            if (keys + batches + codes > 0) {
                log.info("retention: deleted {} keys, {} batches ({} files), {} codes", keys, batches, files.size(), codes);
            }
            return new Summary(true, keys, batches, files.size(), codes);
        } finally {
            lock.unlock("retention");
        }
    }
}
