package vn.bluezone.server.keys.distribution;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
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

    private final DiagnosisKeyStore diagnosisKeys;
    private final ExportStore exports;
    private final TransactionTemplate tx;
    private final BlobStore store;
    private final SigningKeys signingKeys;
    private final KeysProperties.Export cfg;
    private final String keyId;
    private final Clock clock;
    private final SecureRandom random;
    private final JobLock lock;
    private final ExportFileBuilder builder;

    public ExportService(DiagnosisKeyStore diagnosisKeys, ExportStore exports, TransactionTemplate tx, BlobStore store,
                         SigningKeys signingKeys, KeysProperties props, Clock clock, SecureRandom random, JobLock lock) {
        this.diagnosisKeys = diagnosisKeys;
        this.exports = exports;
        this.tx = tx;
        this.store = store;
        this.signingKeys = signingKeys;
        this.cfg = props.export();
        this.keyId = props.signing().keyId();
        this.clock = clock;
        this.random = random;
        this.lock = lock;
        this.builder = new ExportFileBuilder(cfg.maxKeysPerFile());
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
        List<Instant> hours = diagnosisKeys.availableHours(oldest, horizon.minus(Duration.ofHours(1)));
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
        Set<String> built = exports.builtRegions(kind, start);
        List<String> regions = new ArrayList<>();
        regions.add(NATIONAL);
        regions.addAll(diagnosisKeys.regionsAvailable(start, end, NATIONAL));
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
        Instant now = clock.instant();
        List<ExportStore.File> files = built.stream()
                .map(f -> new ExportStore.File(f.name(), f.batchNum(), f.batchSize(), f.keyCount(), f.sha256())).toList();
        tx.executeWithoutResult(s -> exports.publish(
                new ExportStore.Batch(region, kind, start, end, real.size(), padding.size(), now), files));
        return new BatchResult(region, built.size(), all.size());
    }

    /** Keys that became available in [start, end), for a province or the whole country; duplicates dropped. */
    List<TemporaryExposureKey> loadKeys(String region, Instant start, Instant end) {
        return diagnosisKeys.available(NATIONAL.equals(region) ? null : region, start, end);
    }

    private List<TemporaryExposureKey> loadOrCreatePadding(String region, String kind, Instant start,
                                                           List<TemporaryExposureKey> real) {
        List<TemporaryExposureKey> existing = exports.padding(region, kind, start);
        List<TemporaryExposureKey> more = ExportFileBuilder.padding(real, cfg.minKeysPerFile() - existing.size(), random);
        exports.addPadding(region, kind, start, more);
        List<TemporaryExposureKey> all = new ArrayList<>(existing);
        all.addAll(more);
        return all;
    }

    /** Rewrites {@code REGION/index.txt} (hourly files) and {@code REGION/index-daily.txt}, oldest first. */
    public void writeIndexes(String region) {
        for (String kind : List.of(HOUR, DAY)) {
            List<String> names = exports.fileNames(region, kind);
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
}
