package vn.bluezone.server.checkins;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.bluezone.server.keys.JobLock;
import vn.bluezone.server.keys.distribution.BlobStore;

/**
 * Deletes reports, packages (records and files) and place warnings older than the retention (14 days), and the
 * daily manifests of days that ended before it. Indexes are rewritten before files are deleted, so an index never
 * names a missing file.
 */
@Service
public class CheckinRetentionService {
    private final CheckinStore store;
    private final PlaceWarningStore warnings;
    private final CheckinPackageService packages;
    private final BlobStore blobs;
    private final CheckinsProperties props;
    private final Clock clock;
    private final JobLock lock;
    private final TransactionTemplate tx;
    private final CheckinManifests manifests;

    public CheckinRetentionService(CheckinStore store, PlaceWarningStore warnings, CheckinPackageService packages,
                                   BlobStore blobs, CheckinsProperties props, Clock clock, JobLock lock,
                                   TransactionTemplate tx, CheckinManifests manifests) {
        this.manifests = manifests;
        this.store = store;
        this.warnings = warnings;
        this.packages = packages;
        this.blobs = blobs;
        this.props = props;
        this.clock = clock;
        this.lock = lock;
        this.tx = tx;
    }

    public record Summary(boolean ran, int reports, int packages, int warnings, int manifests) {
    }

    public Summary runOnce() {
        if (!lock.tryLock("checkin-retention", Duration.ofMinutes(30))) {
            return new Summary(false, 0, 0, 0, 0);
        }
        try {
            Instant cutoff = clock.instant().minus(Duration.ofDays(props.retentionDays()));
            List<CheckinPackageRow> old = store.packagesBefore(cutoff);
            List<String> regions = store.regionsWithPackages();
            int[] counts = tx.execute(s -> new int[] {store.deleteBefore(cutoff), warnings.deleteIssuedBefore(cutoff)});
            for (String region : regions) {
                packages.writeIndex(region);
            }
            for (CheckinPackageRow p : old) {
                blobs.delete(CheckinPackageService.PREFIX + p.path());
            }
            int manifestsDeleted = manifests.deleteEndedBy(cutoff);
            return new Summary(true, counts[0], old.size(), counts[1], manifestsDeleted);
        } finally {
            lock.unlock("checkin-retention");
        }
    }
}
