package vn.bluezone.server.checkins;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import vn.bluezone.protocol.checkin.CheckinPackage;
import vn.bluezone.protocol.checkin.ProtectedReport;
import vn.bluezone.protocol.export.SigningKey;
import vn.bluezone.server.keys.JobLock;
import vn.bluezone.server.keys.SigningKeys;
import vn.bluezone.server.keys.distribution.BlobStore;

/**
 * The hourly package job: for every complete hour with reports, one package for the whole country ("VN") and
 * one per province with reports, padded with random reports to {@code minReportsPerPackage} (so the count says
 * little about how many cases checked in where), shuffled, signed with every active export key, written to the
 * blob store as {@code checkins/REGION/hour-START.bin}, listed in its day's signed manifest ({@link CheckinManifests})
 * and in {@code checkins/REGION/index.txt}. A package is built once; reports arriving later carry a later hour.
 */
@Service
public class CheckinPackageService {
    public static final String PREFIX = "checkins/";
    private static final Duration SAFETY_MARGIN = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(CheckinPackageService.class);

    private final CheckinStore store;
    private final BlobStore blobs;
    private final SigningKeys signingKeys;
    private final CheckinsProperties props;
    private final Clock clock;
    private final SecureRandom random;
    private final JobLock lock;
    private final CheckinManifests manifests;

    public CheckinPackageService(CheckinStore store, BlobStore blobs, SigningKeys signingKeys, CheckinsProperties props,
                                 Clock clock, SecureRandom random, JobLock lock, CheckinManifests manifests) {
        this.manifests = manifests;
        this.store = store;
        this.blobs = blobs;
        this.signingKeys = signingKeys;
        this.props = props;
        this.clock = clock;
        this.random = random;
        this.lock = lock;
    }

    /** What one run did. */
    public record RunSummary(boolean ran, int packages, long reports, Set<String> regions) {
    }

    public RunSummary runOnce() {
        if (!lock.tryLock("checkin-packages", Duration.ofMinutes(30))) {
            return new RunSummary(false, 0, 0, Set.of());
        }
        try {
            return buildDue();
        } finally {
            lock.unlock("checkin-packages");
        }
    }

    private RunSummary buildDue() {
        Instant now = clock.instant();
        Instant oldest = now.minus(Duration.ofDays(props.retentionDays())).truncatedTo(ChronoUnit.HOURS);
        Instant lastComplete = now.minus(SAFETY_MARGIN).minus(Duration.ofHours(1));
        Set<String> touched = new TreeSet<>();
        int packages = 0;
        long reports = 0;
        for (Instant hour : store.hoursWithReports(oldest, lastComplete)) {
            Instant end = hour.plus(Duration.ofHours(1));
            List<String> regions = new ArrayList<>();
            regions.add("VN");
            regions.addAll(store.provincesWithReports(hour, end));
            for (String region : regions) {
                if (store.packageBuilt(region, hour)) {
                    continue;
                }
                reports += build(region, hour, end, now);
                packages++;
                touched.add(region);
            }
        }
        // Manifests before indexes: a phone never sees a package in the index that its day's manifest lacks.
        manifests.update(now);
        for (String region : touched) {
            writeIndex(region);
        }
        if (packages > 0) {
            log.info("check-in packages: {} built, {} reports with padding, regions {}", packages, reports, touched);
        }
        return new RunSummary(true, packages, reports, touched);
    }

    private int build(String region, Instant start, Instant end, Instant now) {
        List<ProtectedReport> reports = new ArrayList<>();
        for (CheckinReportRow r : store.reports(region, start, end)) {
            reports.add(r.report());
        }
        while (reports.size() < props.minReportsPerPackage()) {
            reports.add(fake());
        }
        Collections.shuffle(reports, random);
        List<SigningKey> keys = signingKeys.active(SigningKeys.EXPORT).stream()
                .map(k -> new SigningKey(k.privateKey(), k.keyId(), k.keyVersion())).toList();
        byte[] file = new CheckinPackage(region, start.getEpochSecond(), end.getEpochSecond(), reports).sign(keys);
        String name = "hour-" + start.getEpochSecond() + "-" + end.getEpochSecond() + ".bin";
        blobs.put(PREFIX + region + "/" + name, file, "application/octet-stream");
        store.recordPackage(new CheckinPackageRow(region, start, region + "/" + name, reports.size(), now,
                CheckinManifests.sha256(file)));
        return reports.size();
    }

    /** Random bytes shaped like a case's report (one AES block): indistinguishable without the place's QR. */
    private ProtectedReport fake() {
        byte[] hash = new byte[ProtectedReport.HASH_LENGTH];
        byte[] iv = new byte[ProtectedReport.IV_LENGTH];
        byte[] enc = new byte[16];
        byte[] mac = new byte[ProtectedReport.MAC_LENGTH];
        random.nextBytes(hash);
        random.nextBytes(iv);
        random.nextBytes(enc);
        random.nextBytes(mac);
        return new ProtectedReport(hash, iv, enc, mac);
    }

    /** {@code checkins/REGION/index.txt}: one {@code REGION/hour-....bin} a line, oldest first. */
    void writeIndex(String region) {
        StringBuilder sb = new StringBuilder();
        for (CheckinPackageRow p : store.packages(region)) {
            sb.append(p.path()).append('\n');
        }
        blobs.put(PREFIX + region + "/index.txt", sb.toString().getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }
}
