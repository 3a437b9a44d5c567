package vn.bluezone.server.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The audit trail: who (an official's username, or "system") did what to which target. Entries are written in
 * the caller's transaction so that an action and its record commit or roll back together.
 */
@Service
public class AuditLog {
    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One audit entry. */
    public record Entry(long id, Instant at, String actor, String action, String target, String details) {
    }

    public void record(String actor, String action, String target, String details) {
        jdbc.sql("INSERT INTO audit_log (at, actor, action, target, details) VALUES (?, ?, ?, ?, ?)")
                .params(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), truncate(actor, 64),
                        truncate(action, 64), truncate(target, 200), truncate(details, 2000))
                .update();
    }

    /** Newest first; {@code action} filters by exact action name when not null. */
    public List<Entry> recent(String action, int limit) {
        String where = action == null ? "" : " WHERE action = :action";
        var spec = jdbc.sql("SELECT * FROM audit_log" + where + " ORDER BY id DESC LIMIT :limit")
                .param("limit", Math.max(1, Math.min(limit, 1000)));
        if (action != null) {
            spec = spec.param("action", action);
        }
        return spec.query((rs, n) -> new Entry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"), rs.getString("action"), rs.getString("target"), rs.getString("details"))).list();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
