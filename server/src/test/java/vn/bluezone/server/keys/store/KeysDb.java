package vn.bluezone.server.keys.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.bluezone.server.support.TestDatabase;

/**
 * A fresh database with only the key server's migrations: H2 in PostgreSQL mode, or a new schema on the test
 * PostgreSQL server ({@code BLUEZONE_TEST_POSTGRES_URL}; the test is skipped with a printed reason without it).
 */
final class KeysDb {
    private KeysDb() {
    }

    static DataSource h2() {
        String url = "jdbc:h2:mem:keys-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        return migrate(new DriverManagerDataSource(url, "sa", ""), null);
    }

    static DataSource postgres() {
        String url = TestDatabase.postgresUrl();
        if (url == null || url.isBlank()) {
            System.out.println("skipped: " + TestDatabase.POSTGRES_ENV + " is not set, so the PostgreSQL variant does not run");
        }
        Assumptions.assumeTrue(url != null && !url.isBlank(), TestDatabase.POSTGRES_ENV + " is not set");
        String schema = "keys_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema on the test database", e);
        }
        String withSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return migrate(new DriverManagerDataSource(withSchema), schema);
    }

    private static DataSource migrate(DataSource ds, String schema) {
        var config = Flyway.configure().dataSource(ds).locations("classpath:db/migration/keys");
        if (schema != null) {
            config.schemas(schema);
        }
        config.load().migrate();
        return ds;
    }
}
