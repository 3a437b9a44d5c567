package vn.bluezone.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import vn.bluezone.device.port.KeyServerClient;
import vn.bluezone.device.scan.DutyCycle;
import vn.bluezone.device.server.HttpKeyServerClient;
import vn.bluezone.device.server.KeyServerException;
import vn.bluezone.device.sim.SimulatedClock;
import vn.bluezone.device.sim.SimulatedWorld;
import vn.bluezone.device.store.ScanRecord;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.server.BluezoneServer;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.keys.distribution.ExportService;
import vn.bluezone.server.keys.verification.VerificationService;

/**
 * The contact scenario end to end against the real key server ({@code vn.bluezone.server.BluezoneServer}) started
 * in this JVM on a random port with an in-memory H2 database. Phones talk to it over HTTP with
 * {@link HttpKeyServerClient}; server and phones run on one simulated clock, so the server's export job (which
 * publishes keys in hourly batches once their hour is over) runs when the scenario says so. Only the health
 * officer's code issuing and the export job are called in-process. The server is started with a scan duty cycle
 * other than the phones' default (10 s every 120 s instead of 4 s every 300 s), which the phones must take from
 * its signed configuration. Tests run in order because they share the server's clock, which only moves forward.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeviceServerE2EIT {
    private static final SimulatedClock CLOCK = new SimulatedClock(Instant.parse("2021-07-19T07:00:00Z"));
    private static ConfigurableApplicationContext server;
    private static Path dataDir;
    private static URI base;
    /** What the server is told to send in {@code scanning}; the phones start with the default 4 s every 300 s. */
    private static final DutyCycle SERVER_DUTY_CYCLE = new DutyCycle(Duration.ofSeconds(10), Duration.ofSeconds(120));

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("bluezone-e2e");
        String db = "jdbc:h2:mem:e2e" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        // Command-line arguments: they win over application.yml (builder "properties" would not).
        server = new SpringApplicationBuilder(BluezoneServer.class)
                .initializers(ctx -> ((GenericApplicationContext) ctx).registerBean("simulatedClock", Clock.class,
                        () -> CLOCK))
                .run("--server.port=0", "--bluezone.demo.enabled=false", "--bluezone.keys.export.enabled=false",
                        "--bluezone.db.url=" + db, "--bluezone.db.user=sa", "--bluezone.db.password=",
                        "--bluezone.data-dir=" + dataDir,
                        "--bluezone.keys.device-config.scan-window-seconds=" + SERVER_DUTY_CYCLE.window().toSeconds(),
                        "--bluezone.keys.device-config.scan-interval-seconds=" + SERVER_DUTY_CYCLE.period().toSeconds());
        assertTrue(server.getBean(javax.sql.DataSource.class).getConnection().getMetaData().getURL()
                .startsWith("jdbc:h2:mem:e2e"), "the test uses its own in-memory database");
        base = URI.create("http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port") + "/");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (dataDir != null) {
            try (var walk = Files.walk(dataDir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The real server as the scenario drives it. */
    private static final class RealServer implements ScenarioServer {
        private final HttpKeyServerClient client = new HttpKeyServerClient(base);
        private final String pem;
        private final Official officer = new Official(1, "e2e-officer", "E2E officer", Role.HEALTH_OFFICER, null,
                false);

        RealServer() throws KeyServerException {
            // Trust on install: the app ships with the key the server publishes.
            this.pem = client.exportPublicKey().pem();
        }

        @Override
        public String publicKeyPem() {
            return pem;
        }

        @Override
        public KeyServerClient client() {
            return client;
        }

        @Override
        public String issueCode(ReportType type, LocalDate onset) {
            return server.getBean(VerificationService.class)
                    .issue(officer, new VerificationService.IssueRequest(type, onset, null, null)).shortCode();
        }

        @Override
        public void publish() {
            // Keys uploaded now become available at the next whole hour; the job publishes hours that are over.
            CLOCK.advance(Duration.ofMinutes(65));
            ExportService.RunSummary r = server.getBean(ExportService.class).runOnce();
            assertTrue(r.ran() && r.files() > 0, "export job wrote files: " + r);
        }
    }

    @Test
    @Order(1)
    void f1F2NothingTamperingAndClockSkewAgainstTheRealKeyServer() throws Exception {
        RealServer real = new RealServer();
        assertTrue(real.publicKeyPem().startsWith("-----BEGIN PUBLIC KEY-----"));
        LocalDate dayD = LocalDate.of(2021, 7, 19);
        ContactScenario scenario = new ContactScenario(real, dayD, 20210719, CLOCK);
        // Day D's scans use the default duty cycle; the first check applies the server's. The scenario's F1/F2
        // results hold only because day D's sightings keep the 300 s period they were heard with.
        scenario.run(Instant.parse("2021-07-21T10:00:00Z"));

        Instant from = CLOCK.instant();
        scenario.world().runUntil(from.plus(Duration.ofMinutes(15)), Duration.ofSeconds(5));
        for (SimulatedWorld.Phone p : scenario.phones()) {
            DeviceEngine engine = p.engine();
            assertEquals(SERVER_DUTY_CYCLE, engine.dutyCycle(), p.name() + " applied the server's scanning");
            ConfigurationRefresh refresh = engine.refreshConfiguration();
            assertTrue(refresh.verified(), p.name() + ": " + refresh.problem());
            assertEquals(List.of(), refresh.notApplied(), p.name());
            assertEquals("1.0.0", refresh.minimumAppVersion(), "the server's default minimum");
            assertFalse(refresh.updateRequired(), "the engine's version meets it");
            // Scans after the change: 10 s long, 120 s apart (by the phone's own, possibly skewed, clock). The
            // first comes at once (the phones slept through their slots since day D), the grid then goes on.
            Instant phoneFrom = p.clock().instant().minus(Duration.ofMinutes(15));
            List<ScanRecord> scans = engine.storage().scansBetween(phoneFrom, p.clock().instant());
            assertTrue(scans.size() >= 6, p.name() + " scans every 2 minutes: " + scans.size());
            for (int i = 0; i < scans.size(); i++) {
                assertEquals(SERVER_DUTY_CYCLE.window(), scans.get(i).duration(), p.name());
                if (i > 1) {
                    assertEquals(SERVER_DUTY_CYCLE.period(),
                            Duration.between(scans.get(i - 1).startedAt(), scans.get(i).startedAt()), p.name());
                }
            }
        }
    }

    @Test
    @Order(2)
    void theServerPutsDaysSinceOnsetOnKeysAndPhonesWarnOnlyForInfectiousDays() throws Exception {
        // A week after the first scenario's day: the verification's onset date becomes each key's
        // days_since_onset_of_symptoms in the export file, and the shipped map decides (OnsetScenario).
        LocalDate dayD = LocalDate.of(2021, 7, 26);
        new OnsetScenario(new RealServer(), dayD, 20210726, CLOCK).run();
    }

    @Test
    @Order(3)
    void aWrongCodeIsAClearErrorAndNothingIsUploaded() throws Exception {
        HttpKeyServerClient client = new HttpKeyServerClient(base);
        KeyServerException e = org.junit.jupiter.api.Assertions.assertThrows(KeyServerException.class,
                () -> client.verify("00000000"));
        assertEquals(400, e.status());
        assertEquals("CODE_INVALID", e.errorCode());
    }
}
