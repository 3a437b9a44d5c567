package vn.bluezone.server.accounts;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.bluezone.server.audit.AuditLog;

/**
 * At start-up, disables every enabled account of a local role (province, district, commune, police, health
 * station, volunteer) that has no area: such an account's scope checks saw the whole country, e.g. every commune's
 * cohort names, phones and ID numbers (issue 15 §4). Each is audited ({@code account.disable} by {@code system})
 * and named in one warning line; an administrator fixes it with {@code POST /api/v1/admin/accounts/{id}/area},
 * then enables it (enabling without an area is refused with {@code AREA_REQUIRED}).
 */
@Component
@Order(0)
public class LocalRoleAreaCheck implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(LocalRoleAreaCheck.class);
    private final JdbcClient jdbc;
    private final AuditLog audit;

    public LocalRoleAreaCheck(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    private record Unscoped(long id, String username, Role role) {
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Unscoped> found = jdbc.sql("SELECT id, username, role FROM account WHERE area_code IS NULL AND enabled = TRUE")
                .query((rs, n) -> new Unscoped(rs.getLong("id"), rs.getString("username"), Role.valueOf(rs.getString("role"))))
                .list().stream().filter(a -> a.role().needsArea()).toList();
        for (Unscoped a : found) {
            jdbc.sql("UPDATE account SET enabled = FALSE WHERE id = ?").param(a.id()).update();
            audit.record("system", "account.disable", a.username(), "id=" + a.id() + " local role " + a.role()
                    + " without an area; set its area, then enable it");
        }
        if (!found.isEmpty()) {
            log.warn("disabled {} local account(s) without an area until an administrator sets one: {}", found.size(),
                    found.stream().map(Unscoped::username).toList());
        }
    }
}
