package vn.bluezone.server.checkins;

import static vn.bluezone.server.checkins.CheckinStore.ts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The only writer of {@code checkin_manifest}: which daily manifests exist and how many packages each lists. */
@Repository
public class CheckinManifestStore {
    /** A signed manifest in the blob store: region, UTC day, blob path (under {@code checkins/}), packages listed. */
    public record Row(String region, Instant dayStart, String path, int packageCount) {
    }

    private final JdbcClient jdbc;

    public CheckinManifestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A region's manifests: day → packages listed. */
    public Map<Instant, Integer> counts(String region) {
        Map<Instant, Integer> counts = new HashMap<>();
        jdbc.sql("SELECT day_start, package_count FROM checkin_manifest WHERE region = ?").param(region)
                .query(rs -> {
                    counts.put(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getInt(2));
                });
        return counts;
    }

    public void save(Row m, Instant now) {
        int updated = jdbc.sql("UPDATE checkin_manifest SET path = ?, package_count = ?, updated_at = ? "
                        + "WHERE region = ? AND day_start = ?")
                .params(m.path(), m.packageCount(), ts(now), m.region(), ts(m.dayStart())).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO checkin_manifest (region, day_start, path, package_count, updated_at) VALUES (?, ?, ?, ?, ?)")
                    .params(m.region(), ts(m.dayStart()), m.path(), m.packageCount(), ts(now)).update();
        }
    }

    /** Manifests of days that ended at or before {@code cutoff}. */
    public List<Row> endedBy(Instant cutoff) {
        return jdbc.sql("SELECT * FROM checkin_manifest WHERE day_start <= ? ORDER BY day_start")
                .param(ts(cutoff.minusSeconds(86_400)))
                .query((rs, n) -> new Row(rs.getString("region"), rs.getObject("day_start", OffsetDateTime.class).toInstant(),
                        rs.getString("path"), rs.getInt("package_count"))).list();
    }

    public int deleteEndedBy(Instant cutoff) {
        return jdbc.sql("DELETE FROM checkin_manifest WHERE day_start <= ?").param(ts(cutoff.minusSeconds(86_400))).update();
    }
}
