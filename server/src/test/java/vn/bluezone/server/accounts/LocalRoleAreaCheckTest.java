package vn.bluezone.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.bluezone.server.audit.AuditLog;
import vn.bluezone.server.support.TestDatabase;
import vn.bluezone.server.problem.DomainException;

/**
 * Issue 15 §4: a local account without an area (made before the rule, directly in the database) is disabled at
 * start-up, stays refused until an administrator gives it an area, and works again once enabled.
 */
@SpringBootTest(properties = "bluezone.demo.enabled=false")
class LocalRoleAreaCheckTest {
    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
    }

    @Autowired JdbcClient jdbc;
    @Autowired AccountService accounts;
    @Autowired LocalRoleAreaCheck check;
    @Autowired AuditLog audit;

    @Test
    void unscopedLocalAccountsAreDisabledUntilTheyHaveAnArea() throws Exception {
        Official commune = accounts.create("test", "xa.cu", null, Role.COMMUNE, "19882", "xa-cu-password-1", false);
        Official national = accounts.create("test", "bo.yte", null, Role.NATIONAL, null, "bo-yte-password-1", false);
        // As an older version allowed: the same commune account without its area.
        jdbc.sql("UPDATE account SET area_code = NULL WHERE id = ?").param(commune.id()).update();

        check.run(new DefaultApplicationArguments());

        assertThat(accounts.sessionStamp(commune.id())).as("disabled").isEmpty();
        assertThat(accounts.sessionStamp(national.id())).as("national roles need no area").isPresent();
        assertThat(audit.recent("account.disable", 10)).anySatisfy(e -> {
            assertThat(e.actor()).isEqualTo("system");
            assertThat(e.target()).isEqualTo("xa.cu");
        });
        assertThatThrownBy(() -> accounts.setEnabled("root", commune.id(), true))
                .isInstanceOf(DomainException.class).extracting("code").isEqualTo("AREA_REQUIRED");
        assertThatThrownBy(() -> accounts.setArea("root", commune.id(), ""))
                .isInstanceOf(DomainException.class).extracting("code").isEqualTo("AREA_REQUIRED");
        assertThatThrownBy(() -> accounts.setArea("root", commune.id(), "99999"))
                .isInstanceOf(DomainException.class).extracting("code").isEqualTo("INVALID_AREA");

        accounts.setArea("root", commune.id(), "19882");
        accounts.setEnabled("root", commune.id(), true);
        assertThat(accounts.find(commune.id())).get().extracting(Official::areaCode).isEqualTo("19882");
        assertThat(accounts.sessionStamp(commune.id())).isPresent();
        check.run(new DefaultApplicationArguments());
        assertThat(accounts.sessionStamp(commune.id())).as("left alone once it has an area").isPresent();
    }
}
