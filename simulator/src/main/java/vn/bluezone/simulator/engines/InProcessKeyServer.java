package vn.bluezone.simulator.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;
import java.util.List;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import vn.bluezone.device.server.HttpKeyServerClient;
import vn.bluezone.device.server.KeyServerException;
import vn.bluezone.device.sim.SimulatedClock;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.risk.RiskConfiguration;
import vn.bluezone.server.BluezoneServer;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.keys.distribution.ExportService;
import vn.bluezone.server.keys.verification.VerificationService;

/**
 * The real key server ({@link BluezoneServer}) started in this process on a random port, on the simulation's clock
 * and an in-memory H2 database, with its export scheduler off: the simulation runs the export job at simulated
 * times. Phones talk to it over HTTP; only the health officer's code issuing and the export job are called
 * in-process (a simulated health officer account, as the station's officer would use the console).
 */
public final class InProcessKeyServer implements HealthAuthority {
    private final ConfigurableApplicationContext context;
    private final Instant dayZero;
    private final Path dataDir;
    private final URI base;
    private final Official officer = new Official(1, "sim-officer", "Simulated health officer", Role.HEALTH_OFFICER,
            null, false);

    /** A server that distributes the shipped default rule. */
    public InProcessKeyServer(SimulatedClock clock) {
        this(clock, RiskConfiguration.vietnamDefault());
    }

    /** A server that distributes {@code risk} to the phones (the simulation's rule, so both modes apply one rule). */
    public InProcessKeyServer(SimulatedClock clock, RiskConfiguration risk) {
        this.dayZero = clock.instant();
        Path riskFile;
        try {
            this.dataDir = Files.createTempDirectory("bluezone-sim-server");
            riskFile = Files.writeString(dataDir.resolve("risk.json"), risk.toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String db = "jdbc:h2:mem:sim" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        // Command-line arguments, not builder properties: those are defaults that application.yml overrides.
        this.context = new SpringApplicationBuilder(BluezoneServer.class)
                .initializers(ctx -> {
                    GenericApplicationContext g = (GenericApplicationContext) ctx;
                    g.registerBean("simulatedClock", Clock.class, () -> clock);
                    g.addBeanFactoryPostProcessor(InProcessKeyServer::withoutOperatorOutput);
                })
                .run("--server.port=0", "--bluezone.demo.enabled=false", "--bluezone.keys.export.enabled=false",
                        "--bluezone.db.url=" + db, "--bluezone.db.user=sa", "--bluezone.db.password=",
                        "--bluezone.data-dir=" + dataDir, "--spring.main.banner-mode=off",
                        "--bluezone.keys.device-config.risk-file=" + riskFile,
                        "--spring.main.log-startup-info=false", "--logging.level.root=WARN",
                        "--logging.level.vn.bluezone=WARN",
                        // Padding hides the number of cases from whoever sees file sizes; random keys never match a
                        // sighting, so phones decide the same without it and match ~50 times fewer keys.
                        "--bluezone.keys.export.min-keys-per-file=0",
                        // Every simulated phone calls from this process's address: a per-address limit would throttle
                        // the whole commune as if it were one phone.
                        "--bluezone.keys.rate-limit.enabled=false");
        this.base = URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + "/");
    }

    /**
     * The first start's administrator account with its one-time password printed on standard output, and the
     * "server is ready" lines, are for an operator who started a server: a simulation has none (its health officer
     * is simulated) and its output must not carry a password. Both beans are left out of this server only;
     * {@code bluezone start} is unchanged.
     */
    static void withoutOperatorOutput(ConfigurableListableBeanFactory factory) {
        BeanDefinitionRegistry registry = (BeanDefinitionRegistry) factory;
        for (String bean : OPERATOR_OUTPUT) {
            // Fails loudly if a bean was renamed: the password banner would be back otherwise.
            registry.removeBeanDefinition(bean);
        }
    }

    /** Bean names of {@code AdminBootstrap} and {@code ReadyBanner}. */
    static final List<String> OPERATOR_OUTPUT = List.of("adminBootstrap", "readyBanner");

    public URI baseUri() {
        return base;
    }

    @Override
    public HttpKeyServerClient client() {
        return new HttpKeyServerClient(base);
    }

    /** The simulation's clock when the server started (the server reads the same clock). */
    @Override
    public Instant dayZero() {
        return dayZero;
    }

    /** Nothing to do: the server reads the simulation's own clock. */
    @Override
    public void clockAt(Instant t) {
    }

    @Override
    public String exportPublicKeyPem() throws KeyServerException {
        return client().exportPublicKey().pem();
    }

    @Override
    public String issueCode(ReportType type, LocalDate onset) {
        return context.getBean(VerificationService.class)
                .issue(officer, new VerificationService.IssueRequest(type, onset, null, null)).shortCode();
    }

    @Override
    public int export() {
        return context.getBean(ExportService.class).runOnce().files();
    }

    @Override
    public void close() {
        context.close();
        try (var walk = Files.walk(dataDir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
