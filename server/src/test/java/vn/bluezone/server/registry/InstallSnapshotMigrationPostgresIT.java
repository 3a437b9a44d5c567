package vn.bluezone.server.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.bluezone.api.registry.DeviceRegistration;
import vn.bluezone.server.BluezoneServer;
import vn.bluezone.server.support.RequiresPostgres;
import vn.bluezone.server.support.TestDatabase;

/**
 * Migration V230 on a database that ran the queue (issue 15 §5): it comes after later migrations (out of order, as
 * on every installed server), devices counted before it are not counted again, and an install still queued when the
 * new server starts is counted exactly once; new registrations then go by snapshot.
 */
@RequiresPostgres
class InstallSnapshotMigrationPostgresIT {
    private final String schema = "bz_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private ConfigurableApplicationContext server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        TestDatabase.dropPostgresSchema(schema);
    }

    private String url() {
        String base = TestDatabase.postgresUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Test
    void installsCountedOrQueuedBeforeTheMigrationAreCountedOnce() throws Exception {
        // The schema of the queue's time: every migration but V230 (which an older server does not know).
        Flyway.configure().dataSource(url(), null, null).schemas(schema).createSchemas(true)
                .locations("classpath:db/migration").outOfOrder(true)
                .javaMigrations(new AdministrativeUnitsMigration(), new ShippedDenominatorsMigration())
                .load().migrate();
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            // Device A: registered and already applied (its counters written, its queue row deleted).
            s.execute(device("a", "BBBBBBB2", "RRRRRR2"));
            for (String unit : new String[] {"VN", "46", "477", "19873"}) {
                s.execute("INSERT INTO unit_day_stat (unit_code, stat_day, stripe, installs) VALUES ('" + unit
                        + "', current_date, 0, 1)");
            }
            // Device B: registered, its queue row not yet applied when the old server stopped.
            s.execute(device("b", "BBBBBBB3", "RRRRRR3"));
            s.execute("INSERT INTO install_queue (unit_code, stat_day, attested) VALUES ('19873', current_date, FALSE)");
        }

        server = new SpringApplicationBuilder(BluezoneServer.class).run("--server.port=18751",
                "--bluezone.db.url=" + url(), "--bluezone.db.user=", "--bluezone.db.password=",
                "--spring.flyway.schemas=" + schema, "--bluezone.demo.enabled=false");
        JdbcTemplate jdbc = server.getBean(JdbcTemplate.class);
        InstallQueue installs = server.getBean(InstallQueue.class);
        assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '230' "
                + "AND success", Integer.class));
        installs.flush(); // the scheduled flush at start-up may have applied B already; either way, once
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM install_queue", Integer.class));
        assertEquals(2, counted(jdbc, "VN"));
        assertEquals(2, counted(jdbc, "19873"));
        assertEquals(2, jdbc.queryForObject("SELECT COUNT(*) FROM device WHERE rollup_xid IS NULL", Integer.class));

        String id = server.getBean(DeviceRegistry.class).register(new DeviceRegistration("ios", "2.0", null, "19873",
                null, null, null)).deviceId();
        assertNotNull(jdbc.queryForObject("SELECT rollup_xid FROM device WHERE id = ?", Object.class, id));
        assertNull(jdbc.queryForObject("SELECT rollup_attested FROM device WHERE id = ?", Boolean.class, id));
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM install_queue", Integer.class), "no queue row");
        assertEquals(1, installs.flush());
        assertEquals(0, installs.flush());
        assertEquals(3, counted(jdbc, "VN"));
        assertEquals(3, counted(jdbc, "46"));
        assertEquals(3, counted(jdbc, "477"));
        assertEquals(3, counted(jdbc, "19873"));
    }

    private static long counted(JdbcTemplate jdbc, String unit) {
        return jdbc.queryForObject("SELECT COALESCE(SUM(installs), 0) FROM unit_day_stat WHERE unit_code = ?",
                Long.class, unit);
    }

    private static String device(String name, String installCode, String referralCode) {
        return "INSERT INTO device (id, secret_hash, platform, app_version, commune_code, install_code, referral_code, "
                + "registered_at, registered_day) VALUES ('" + UUID.nameUUIDFromBytes(name.getBytes()) + "', 'x', "
                + "'android', '1', '19873', '" + installCode + "', '" + referralCode + "', now(), current_date)";
    }
}
