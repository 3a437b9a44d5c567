package vn.bluezone.server.checkins;

import java.time.Instant;

/** A built hourly package: region, hour, blob path, reports (padding included). */
public record CheckinPackageRow(String region, Instant startAt, String path, int reportCount, Instant createdAt) {
}
