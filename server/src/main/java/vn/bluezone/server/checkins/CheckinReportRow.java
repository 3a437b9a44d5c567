package vn.bluezone.server.checkins;

import java.time.Instant;
import vn.bluezone.protocol.checkin.ProtectedReport;

/** One stored report: the encrypted check-in, the region its package goes to, the hour it arrived. */
public record CheckinReportRow(ProtectedReport report, String region, Instant availableAt) {
}
