package vn.bluezone.server.campaign;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A fresh database with only the campaign migrations applied: H2 in PostgreSQL mode (as {@code ./bluezone start}
 * uses), or a real PostgreSQL schema when {@code BLUEZONE_TEST_POSTGRES_URL} is set.
 */
public final class CampaignDb {
    public static final String POSTGRES_ENV = "BLUEZONE_TEST_POSTGRES_URL";

    private CampaignDb() {
    }

    public static JdbcClient h2() {
        String url = "jdbc:h2:mem:campaign-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        return migrate(new DriverManagerDataSource(url, "sa", ""), null);
    }

    /** A new schema on the test PostgreSQL server; skips the test with a printed reason when there is none. */
    public static JdbcClient postgres() {
        String url = System.getenv(POSTGRES_ENV);
        if (url == null || url.isBlank()) {
            System.out.println("skipped: " + POSTGRES_ENV + " is not set, so the PostgreSQL variant does not run");
        }
        Assumptions.assumeTrue(url != null && !url.isBlank(), POSTGRES_ENV + " is not set");
        String schema = "campaign_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create schema on " + url, e);
        }
        String withSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return migrate(new DriverManagerDataSource(withSchema), schema);
    }

    public static JdbcClient of(String kind) {
        return "postgres".equals(kind) ? postgres() : h2();
    }

    private static JdbcClient migrate(DataSource ds, String schema) {
        var config = Flyway.configure().dataSource(ds).locations("classpath:db/migration/campaign");
        if (schema != null) {
            config.schemas(schema);
        }
        config.load().migrate();
        return JdbcClient.create(ds);
    }
}
