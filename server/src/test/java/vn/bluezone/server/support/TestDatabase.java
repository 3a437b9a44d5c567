package vn.bluezone.server.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Databases for integration tests. H2: a fresh in-memory database per test class. PostgreSQL (when
 * {@code BLUEZONE_TEST_POSTGRES_URL} is set): a fresh schema per test class in that database, so earlier runs'
 * data never interferes; {@link #dropPostgresSchema} removes it afterwards.
 */
public final class TestDatabase {
    public static final String POSTGRES_ENV = "BLUEZONE_TEST_POSTGRES_URL";

    private TestDatabase() {
    }

    public static void h2(DynamicPropertyRegistry registry) {
        String name = "bz" + UUID.randomUUID().toString().replace("-", "");
        registry.add("bluezone.db.url", () -> "jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        registry.add("bluezone.db.user", () -> "sa");
        registry.add("bluezone.db.password", () -> "");
    }

    public static String postgresUrl() {
        return System.getenv(POSTGRES_ENV);
    }

    /** Points the application at a new schema in the PostgreSQL test database; returns the schema name. */
    public static String postgres(DynamicPropertyRegistry registry) {
        String base = postgresUrl();
        String schema = "bz_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String sep = base.contains("?") ? "&" : "?";
        registry.add("bluezone.db.url", () -> base + sep + "currentSchema=" + schema);
        registry.add("bluezone.db.user", () -> "");
        registry.add("bluezone.db.password", () -> "");
        registry.add("spring.flyway.schemas", () -> schema);
        registry.add("spring.flyway.create-schemas", () -> "true");
        return schema;
    }

    public static void dropPostgresSchema(String schema) {
        if (schema == null || postgresUrl() == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(postgresUrl()); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            System.out.println("could not drop test schema " + schema + ": " + e.getMessage());
        }
    }
}
