package vn.bluezone.device.checkin;

import java.util.List;

/**
 * What one check did: packages read, reports in them, warnings given, packages rejected (name: reason; retried at
 * the next check), the overlap minimum used, and a problem reaching the server (null when none).
 */
public record CheckinCheckResult(int packagesRead, long reportsRead, List<CheckinWarning> warnings,
                                 List<String> rejected, int minimumOverlapMinutes, String problem) {
    public CheckinCheckResult {
        warnings = List.copyOf(warnings);
        rejected = List.copyOf(rejected);
    }
}
