package vn.bluezone.server.keys.distribution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.bluezone.server.keys.JobLock;
import vn.bluezone.server.keys.KeysProperties;
import vn.bluezone.server.keys.verification.CertificateStore;
import vn.bluezone.server.keys.verification.CodeStore;

/**
 * Deletes what is older than the retention period (14 days by default): diagnosis keys, export batches with
 * their files and padding, and spent verification codes, tokens and certificate ids. Indexes are rewritten so
 * that they never name a deleted file.
 */
@Service
public class RetentionService {
    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);

    private final CodeStore codes;
    private final DiagnosisKeyStore diagnosisKeys;
    private final ExportStore exportStore;
    private final CertificateStore certificates;
    private final BlobStore store;
    private final ExportService exports;
    private final KeysProperties.Export cfg;
    private final Clock clock;
    private final JobLock lock;

    public RetentionService(CodeStore codes, DiagnosisKeyStore diagnosisKeys, ExportStore exportStore,
                            CertificateStore certificates, BlobStore store, ExportService exports, KeysProperties props,
                            Clock clock, JobLock lock) {
        this.codes = codes;
        this.diagnosisKeys = diagnosisKeys;
        this.exportStore = exportStore;
        this.certificates = certificates;
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
            Instant cutoff = now.minus(Duration.ofDays(cfg.retentionDays()));
            int keys = diagnosisKeys.deleteCreatedBefore(cutoff);
            List<ExportStore.FileRef> files = exportStore.filesEndedBefore(cutoff);
            TreeSet<String> regions = new TreeSet<>();
            for (ExportStore.FileRef f : files) {
                regions.add(f.region());
            }
            int batches = exportStore.deleteEndedBefore(cutoff);
            // Indexes first, so that no index names a file about to disappear.
            for (String region : regions) {
                exports.writeIndexes(region);
            }
            for (ExportStore.FileRef f : files) {
                store.delete(f.path());
            }
            codes.deleteTokensExpiredBefore(now);
            certificates.deleteExpiredBefore(now.minus(Duration.ofDays(1)));
            int deletedCodes = codes.deleteCodesIssuedBefore(cutoff);
            if (keys + batches + deletedCodes > 0) {
                log.info("retention: deleted {} keys, {} batches ({} files), {} codes", keys, batches, files.size(),
                        deletedCodes);
            }
            return new Summary(true, keys, batches, files.size(), deletedCodes);
        } finally {
            lock.unlock("retention");
        }
    }
}
