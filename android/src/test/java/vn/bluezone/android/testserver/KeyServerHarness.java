package vn.bluezone.android.testserver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import vn.bluezone.device.sim.SimulatedClock;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.server.BluezoneServer;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.campaign.place.PlaceLinks;
import vn.bluezone.server.campaign.place.PlaceService;
import vn.bluezone.server.checkins.CheckinPackageService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.keys.distribution.ExportService;
import vn.bluezone.server.keys.verification.VerificationService;

/**
 * The real key server ({@link BluezoneServer}, in-memory H2, random port), started once per test JVM, as the
 * engine's end-to-end test starts it. This package is kept out of Robolectric's sandbox
 * ({@link vn.bluezone.android.BluezoneTestRunner}), so Spring runs on the ordinary class loader; the app in the
 * sandbox reaches the server over HTTP only, and only JDK types ({@link String}, {@link Clock}) cross over.
 * Server and phones share one simulated clock, so the export job publishes when a test says so.
 */
public final class KeyServerHarness {
    /** The health hotline this server is configured with (not the Ministry's 1900 9095 the app ships). */
    public static final String HEALTH_HOTLINE = "0232 3822 123";
    private static KeyServerHarness instance;
    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2021-07-19T01:00:00Z"));
    private final ConfigurableApplicationContext server;
    private final String baseUrl;
    private NoHotlineFront noHotline;
    /** The test verifier's key (issue 15 §3): the harness's {@link #attester()} signs with its private half. */
    private final java.security.KeyPair attestationKey;
    /** The phones' stand-in hardware keystore (Android Key Attestation); the server trusts its root. */
    private final TestKeystore keystore = new TestKeystore();

    private KeyServerHarness() throws Exception {
        Path dataDir = Files.createTempDirectory("bluezone-android-it");
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("EC");
        g.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        attestationKey = g.generateKeyPair();
        String db = "jdbc:h2:mem:android" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        server = new SpringApplicationBuilder(BluezoneServer.class)
                .initializers(ctx -> ((GenericApplicationContext) ctx).registerBean("simulatedClock", Clock.class,
                        () -> clock))
                .run("--server.port=0", "--server.address=127.0.0.1", "--bluezone.demo.enabled=false",
                        "--bluezone.keys.export.enabled=false", "--bluezone.db.url=" + db, "--bluezone.db.user=sa",
                        "--bluezone.db.password=", "--bluezone.data-dir=" + dataDir,
                        // The app's own host (res/values/config.xml server_host), so posters' links open the app.
                        "--bluezone.public-url=https://bluezone.gov.vn",
                        // Packages are built when a test says so (publishCheckins), not by the hourly job.
                        "--bluezone.checkins.enabled=false",
                        "--bluezone.health.hotline=" + HEALTH_HOTLINE,
                        // Android key attestation against the test keystore's root instead of Google's.
                        "--bluezone.registry.attestation.android-key.root-certificates="
                                + keystore.writeRoot(dataDir),
                        "--bluezone.registry.attestation.android-key.signing-certificate-digests="
                                + java.util.HexFormat.of().formatHex(TestKeystore.SIGNING_DIGEST),
                        "--bluezone.registry.attestation.test.public-key="
                                + java.util.Base64.getEncoder().encodeToString(attestationKey.getPublic().getEncoded()));
        baseUrl = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port") + "/";
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }

    /**
     * The server, started on first use on a thread of its own whose context class loader is the ordinary one (the
     * test thread's is Robolectric's, through which Spring's factories would load a second copy of Spring).
     */
    public static synchronized KeyServerHarness get() {
        if (instance == null) {
            Object[] result = new Object[1];
            Thread t = new Thread(() -> {
                try {
                    result[0] = new KeyServerHarness();
                } catch (Exception | Error e) {
                    result[0] = e;
                }
            }, "key-server-start");
            t.setContextClassLoader(KeyServerHarness.class.getClassLoader());
            t.start();
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (!(result[0] instanceof KeyServerHarness h)) {
                throw new IllegalStateException("the key server did not start: " + result[0], (Throwable) result[0]);
            }
            instance = h;
        }
        return instance;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /**
     * This server as an older one that sends no health hotline ({@link NoHotlineFront}, started on first use): the
     * phone must then name the hotline it ships.
     */
    public synchronized String baseUrlWithoutHotline() {
        try {
            if (noHotline == null) {
                noHotline = new NoHotlineFront(server, baseUrl);
            }
            return noHotline.baseUrl();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A platform stand-in that the server's test verifier accepts: an ES256 JWS {@code {nonce, iat}} for the binding
     * text, stamped with the shared clock.
     */
    public vn.bluezone.device.port.Attester attester() {
        return text -> {
            try {
                com.nimbusds.jose.JWSObject jws = new com.nimbusds.jose.JWSObject(
                        new com.nimbusds.jose.JWSHeader(com.nimbusds.jose.JWSAlgorithm.ES256),
                        new com.nimbusds.jose.Payload(java.util.Map.of("nonce",
                                vn.bluezone.api.registry.AttestationBinding.nonce(text), "iat",
                                clock.instant().getEpochSecond())));
                jws.sign(new com.nimbusds.jose.crypto.ECDSASigner(
                        (java.security.interfaces.ECPrivateKey) attestationKey.getPrivate()));
                return java.util.Optional.of(new vn.bluezone.api.registry.Attestation(
                        vn.bluezone.api.registry.Attestation.TEST, jws.serialize(), null));
            } catch (com.nimbusds.jose.JOSEException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /**
     * What the phone's hardware keystore returns for a key attested with {@code challenge} (DER, leaf first): a TEE
     * key of the app {@code vn.bluezone.android}, verified boot, the bootloader locked or not.
     */
    public java.util.List<byte[]> keystoreChain(byte[] challenge, boolean locked) {
        return keystore.chain(challenge, locked);
    }

    /** A unit's installs today and those counted in the rate officials are ranked on (attested ones). */
    public long[] installsAndRanked(String unitCode) {
        java.time.LocalDate today = server.getBean(vn.bluezone.server.registry.RegistryClock.class).today();
        vn.bluezone.server.registry.AreaSnapshot s = server.getBean(vn.bluezone.server.registry.AreaFigures.class)
                .snapshot(unitCode, today).orElseThrow();
        return new long[] {s.installs(), s.rankedInstalls()};
    }

    /** The kind of attestation the server stored for a device (null: unattested). */
    public String attestationKindOf(String deviceId) {
        return server.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                "SELECT attestation_kind FROM device WHERE id = ?", String.class, deviceId);
    }

    /** The clock the server and the phones share. */
    public Clock clock() {
        return clock;
    }

    public void advanceSeconds(long seconds) {
        clock.advance(Duration.ofSeconds(seconds));
    }

    public void advanceMinutes(long minutes) {
        clock.advance(Duration.ofMinutes(minutes));
    }

    /** A health officer's code for a confirmed test with the given onset day (yyyy-mm-dd). */
    public String issueCode(String onsetDay) {
        Official officer = new Official(1, "android-officer", "Android test officer", Role.HEALTH_OFFICER, null,
                false);
        return server.getBean(VerificationService.class).issue(officer, new VerificationService.IssueRequest(
                ReportType.CONFIRMED_TEST, LocalDate.parse(onsetDay), null, null)).shortCode();
    }

    /**
     * Moves on until the hour in which uploaded keys become available (the next whole hour) is over, then runs the
     * export job; returns the files written.
     */
    public int publish() {
        clock.advance(Duration.ofMinutes(125));
        return server.getBean(ExportService.class).runOnce().files();
    }

    /** The key that signs the server's export files (what a build would ship). */
    public String exportKeyPem() {
        try {
            return new vn.bluezone.device.server.HttpKeyServerClient(java.net.URI.create(baseUrl)).exportPublicKey()
                    .pem();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A public place registered in a commune, as an official would; returns its code. */
    public String createPlace(String kind, String name) {
        return server.getBean(PlaceService.class).create("19873", null, kind, name, null, "android-test").code();
    }

    /** What the place's poster QR carries: {@code https://bluezone.gov.vn/i/{code}#<check-in payload>}. */
    public String posterLink(String placeCode) {
        PlaceService places = server.getBean(PlaceService.class);
        return server.getBean(PlaceLinks.class).qrContent(places.byCode(placeCode).orElseThrow());
    }

    /** Moves on past the hour in which uploaded check-ins become available and builds the signed packages. */
    public int publishCheckins() {
        clock.advance(Duration.ofMinutes(65));
        return server.getBean(CheckinPackageService.class).runOnce().packages();
    }

    /** Encrypted check-ins stored on the server (cases' uploads). */
    public long checkinReports() {
        return count("SELECT COUNT(*) FROM checkin_report");
    }

    public long diagnosisKeys() {
        return count("SELECT COUNT(*) FROM diagnosis_key");
    }

    /** The place code a registered device came with (null if none). */
    public String placeCodeOf(String deviceId) {
        return text("SELECT place_code FROM device WHERE id = ?", deviceId);
    }

    public String referredByOf(String deviceId) {
        return text("SELECT referred_by FROM device WHERE id = ?", deviceId);
    }

    public long devices() {
        return count("SELECT COUNT(*) FROM device");
    }

    private long count(String sql) {
        try (Connection c = server.getBean(DataSource.class).getConnection();
             PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(String sql, String arg) {
        try (Connection c = server.getBean(DataSource.class).getConnection();
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
