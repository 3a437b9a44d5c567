package vn.bluezone.server.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Databases for integration tests. H2: a fresh in-memory database per test class. PostgreSQL (when
 * {@code BLUEZONE_TEST_POSTGRES_URL} is set): a fresh schema per test class in that database, so earlier runs'
 * data never interferes; {@link #dropPostgresSchema} removes it afterwards. A test class usually asks for either with
 * {@link H2PerTestClass} or {@link PostgresSchemaPerTestClass} instead of calling these itself.
 */
public final class TestDatabase {
    public static final String POSTGRES_ENV = "BLUEZONE_TEST_POSTGRES_URL";

    private TestDatabase() {
    }

    public static void h2(DynamicPropertyRegistry registry) {
        h2Properties().forEach((k, v) -> registry.add(k, () -> v));
    }

    /** The settings of a new in-memory H2 database in PostgreSQL mode. */
    public static Map<String, Object> h2Properties() {
        String name = "bz" + UUID.randomUUID().toString().replace("-", "");
        return Map.of("bluezone.db.url", "jdbc:h2:mem:" + name
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "bluezone.db.user", "sa", "bluezone.db.password", "");
    }

    public static String postgresUrl() {
        return System.getenv(POSTGRES_ENV);
    }

    /** Points the application at a new schema in the PostgreSQL test database; returns the schema name. */
    public static String postgres(DynamicPropertyRegistry registry) {
        String schema = "bz_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        postgresProperties(schema).forEach((k, v) -> registry.add(k, () -> v));
        return schema;
    }

    /** The settings that put the application in {@code schema} of the PostgreSQL test database (Flyway creates it). */
    public static Map<String, Object> postgresProperties(String schema) {
        String base = postgresUrl();
        String sep = base.contains("?") ? "&" : "?";
        return Map.of("bluezone.db.url", base + sep + "currentSchema=" + schema, "bluezone.db.user", "",
                "bluezone.db.password", "", "spring.flyway.schemas", schema, "spring.flyway.create-schemas", "true");
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
