package vn.bluezone.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.bluezone.server.BluezoneServer;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.ApiKeyService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.keys.SimulationClock;
import vn.bluezone.simulator.population.PopulationBuilder;
import vn.bluezone.simulator.tracing.RegistryFeed;

/**
 * Engines mode against a running test server (started in this JVM on a random port, with the simulation clock):
 * the simulation reaches it only over HTTP — codes and export runs with an administrator's API key, the clock moved
 * forward with it, phones on the public device API.
 */
class EnginesRemoteServerIT {
    @TempDir
    static Path data;
    private static ConfigurableApplicationContext server;
    private static String url;
    private static String adminKey;
    private static String officerKey;

    @BeforeAll
    static void startServer() {
        server = new SpringApplicationBuilder(BluezoneServer.class).run(
                "--server.port=0",
                "--bluezone.data-dir=" + data,
                "--bluezone.db.url=jdbc:h2:mem:simremote;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "--bluezone.demo.enabled=false",
                "--" + SimulationClock.PROPERTY + "=true",
                "--bluezone.keys.export.enabled=false",
                "--bluezone.keys.rate-limit.enabled=false",
                "--bluezone.keys.export.min-keys-per-file=0");
        url = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
        // The operator's part, done once on the console in real life: accounts and their API keys.
        AccountService accounts = server.getBean(AccountService.class);
        ApiKeyService keys = server.getBean(ApiKeyService.class);
        adminKey = keys.issue(accounts.create("test", "sim.admin", null, Role.ADMIN, null, "admin-password-1", false),
                "simulator").key();
        officerKey = keys.issue(accounts.create("test", "sim.officer", null, Role.HEALTH_OFFICER, null,
                "officer-password", false), "simulator").key();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    private static SimulationConfig household(long seed) {
        SimulationConfig c = Scenarios.small(4, 12, seed);
        c.mode = SimulationConfig.Mode.ENGINES;
        c.adoption = 1.0;
        c.seedInfections = 1;
        c.radio = Scenarios.noiseless();
        c.consentProbability = 1.0;
        c.disease = Scenarios.allSymptomaticAllTested(c.disease, 5.0);
        return c;
    }

    @Test
    void theHouseholdIsWarnedThroughTheRemoteServerExactlyAsThroughTheInProcessOne() {
        Instant serverStart = server.getBean(SimulationClock.class).instant();
        SimulationConfig c = household(7);
        c.serverUrl = url;
        c.apiKey = adminKey;
        RegistryFeed feed = new RegistryFeed(url, c.commune, c.seed);
        RunResult remote = new Simulation(c, PopulationBuilder.isolatedHousehold(4)).observe(feed)
                .run("remote", ProgressListener.NONE);

        assertEquals("engines", remote.mode);
        assertTrue(remote.uploadsConfirmed >= 1, "the case's phone uploaded to the remote server");
        assertTrue(remote.exportFiles >= 1, "export runs asked over HTTP wrote files");
        assertTrue(remote.warnedPeopleTruth >= 1);
        assertEquals(remote.warnedPeopleTruth, remote.warnedPeopleTp, "recall 1");
        assertEquals(remote.warnedPeopleWarned, remote.warnedPeopleTp, "precision 1");
        assertEquals(4, feed.registered(), "the phones registered their installs too");

        // The server stored the keys and followed the simulated days: its clock went forward, never back.
        JdbcTemplate db = server.getBean(JdbcTemplate.class);
        assertTrue(db.queryForObject("SELECT COUNT(*) FROM diagnosis_key", Integer.class) >= 14);
        Instant serverNow = server.getBean(SimulationClock.class).instant();
        assertTrue(serverNow.isAfter(serverStart.plus(java.time.Duration.ofDays(5))), "clock at " + serverNow);
        LocalDate firstUpload = db.queryForObject("SELECT MIN(created_at) FROM diagnosis_key",
                java.time.OffsetDateTime.class).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        assertTrue(firstUpload.isAfter(LocalDate.ofInstant(serverStart, ZoneOffset.UTC)), "stored at a simulated date");

        // The same seed on the in-process server: the same uploads, checks and warnings at the same minutes.
        RunResult local = new Simulation(household(7), PopulationBuilder.isolatedHousehold(4))
                .run("in-process", ProgressListener.NONE);
        assertEquals(local.uploadsConfirmed, remote.uploadsConfirmed);
        assertEquals(local.exposureChecks, remote.exposureChecks);
        assertEquals(local.warnedF1, remote.warnedF1);
        assertArrayEquals(local.hoursToWarning, remote.hoursToWarning);
    }

    @Test
    void aRunStartsOnTheMondayAfterTheServersClock() {
        Instant now = server.getBean(SimulationClock.class).instant();
        var remote = vn.bluezone.simulator.engines.RemoteKeyServer.connect(url, adminKey);
        LocalDate day0 = LocalDate.ofInstant(remote.dayZero(), ZoneOffset.UTC);
        assertEquals(DayOfWeek.MONDAY, day0.getDayOfWeek());
        assertTrue(remote.dayZero().isAfter(now));
        assertTrue(day0.isBefore(LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(9)));
    }

    @Test
    void wrongOrMissingKeysAreRefusedInOneLine() {
        SimulationConfig c = household(7);
        c.serverUrl = url;
        c.apiKey = officerKey;
        IllegalArgumentException officer = assertThrows(IllegalArgumentException.class,
                () -> Simulator.simulate(c, null, 1, ProgressListener.NONE));
        assertTrue(officer.getMessage().contains("not an administrator"), officer.getMessage());

        c.apiKey = "bz_not-a-key";
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> Simulator.simulate(c, null, 1, ProgressListener.NONE));
        assertTrue(wrong.getMessage().contains("does not accept this API key"), wrong.getMessage());

        c.apiKey = null;
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Simulator.simulate(c, null, 1, ProgressListener.NONE));
        assertTrue(missing.getMessage().contains("--api-key"), missing.getMessage());
        for (String m : new String[] {officer.getMessage(), wrong.getMessage(), missing.getMessage()}) {
            assertEquals(1, m.lines().count(), m);
        }
    }
}
