package vn.bluezone.device.checkin;

import java.util.List;

/**
 * What one check did: packages read, reports in them, warnings given, packages rejected (name: reason; retried at
 * the next check; refused manifests too), the overlap minimum used, a problem reaching the server (null when
 * none), and how many of the packages read were accepted through their day's signed manifest (the others by their
 * own signatures).
 */
public record CheckinCheckResult(int packagesRead, long reportsRead, List<CheckinWarning> warnings,
                                 List<String> rejected, int minimumOverlapMinutes, String problem,
                                 int packagesViaManifest) {
    public CheckinCheckResult {
        warnings = List.copyOf(warnings);
        rejected = List.copyOf(rejected);
    }
}
