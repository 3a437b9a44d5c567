package vn.bluezone.simulator.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.bluezone.server.BluezoneServer;
import vn.bluezone.simulator.ProgressListener;
import vn.bluezone.simulator.SimulationConfig;
import vn.bluezone.simulator.SimulationOutcome;
import vn.bluezone.simulator.Simulator;

/** The simulated phones of a run register and send heartbeats to the real server, started in this JVM. */
class RegistryFeedServerTest {
    @TempDir
    static Path data;
    private static ConfigurableApplicationContext server;
    private static String url;

    @BeforeAll
    static void startServer() {
        server = new SpringApplicationBuilder(BluezoneServer.class).run(
                "--server.port=0",
                "--bluezone.data-dir=" + data,
                "--bluezone.db.url=jdbc:h2:mem:simfeed;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "--bluezone.demo.enabled=false");
        url = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyAppUserRegistersInTheCommuneAndBeatsDaily() {
        SimulationConfig c = new SimulationConfig();
        c.population = 300;
        c.days = 3;
        c.adoption = 0.5;
        c.seed = 5;
        c.serverUrl = url;
        SimulationOutcome o = Simulator.simulate(c, null, 1, ProgressListener.NONE);
        int apps = o.withApp().appUsers;
        assertTrue(apps > 20);
        assertEquals(apps, o.withApp().registryRegistered);
        assertEquals(3L * apps, o.withApp().registryHeartbeats);
        assertEquals(0, o.withApp().registryFailures);
        assertNull(o.withApp().registryFirstFailure);

        JdbcTemplate db = server.getBean(JdbcTemplate.class);
        Integer stored = db.queryForObject("SELECT COUNT(*) FROM device WHERE commune_code = '19873'", Integer.class);
        assertEquals(apps, stored);
    }

    /** This server keeps real time (no simulation clock): engines mode cannot drive it and says so in one line. */
    @Test
    void enginesModeRefusesAServerThatKeepsRealTime() {
        String admin = server.getBean(vn.bluezone.server.accounts.ApiKeyService.class).issue(
                server.getBean(vn.bluezone.server.accounts.AccountService.class).create("test", "feed.admin", null,
                        vn.bluezone.server.accounts.Role.ADMIN, null, "admin-password-1", false), "simulator").key();
        SimulationConfig c = new SimulationConfig();
        c.population = 50;
        c.days = 1;
        c.mode = SimulationConfig.Mode.ENGINES;
        c.serverUrl = url;
        c.apiKey = admin;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Simulator.simulate(c, null, 1, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("keeps real time")
                && e.getMessage().contains("BLUEZONE_SIMULATION_CLOCK_ENABLED=true"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void anUnknownCommuneIsRefusedInOneLine() {
        SimulationConfig c = new SimulationConfig();
        c.population = 100;
        c.days = 1;
        c.commune = 99998;
        c.serverUrl = url;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Simulator.simulate(c, null, 1, ProgressListener.NONE));
        assertTrue(e.getMessage().contains("UNKNOWN_COMMUNE"), e.getMessage());
    }
}
