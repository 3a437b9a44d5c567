package vn.bluezone.server.checkins;

import java.time.Instant;

/**
 * A built hourly package: region, hour, blob path, reports (padding included), and the SHA-256 of the signed file
 * its day's manifest lists (null for a package built before manifests existed).
 */
public record CheckinPackageRow(String region, Instant startAt, String path, int reportCount, Instant createdAt,
                                byte[] sha256) {
}
