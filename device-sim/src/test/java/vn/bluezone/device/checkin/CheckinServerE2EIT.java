package vn.bluezone.device.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import vn.bluezone.device.keys.KeyRotation;
import vn.bluezone.device.messages.RenderedWarning;
import vn.bluezone.device.messages.WarningMessages;
import vn.bluezone.device.report.PendingReport;
import vn.bluezone.device.report.ReportFlow;
import vn.bluezone.device.report.ReportResult;
import vn.bluezone.device.server.HttpKeyServerClient;
import vn.bluezone.device.server.KeyServerException;
import vn.bluezone.device.sim.SimulatedClock;
import vn.bluezone.device.store.SqliteDeviceStorage;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.server.BluezoneServer;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.ApiKeyService;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.campaign.place.Place;
import vn.bluezone.server.campaign.place.PlaceService;
import vn.bluezone.server.checkins.CheckinPackageService;
import vn.bluezone.server.keys.verification.VerificationService;

/**
 * Check-ins end to end through the real server (started in this JVM, in-memory H2, one simulated clock): phones
 * check in by the links of registered places' posters; a case's phone uploads its keys with the check-in the user
 * left ticked; the server's hourly job publishes signed packages; other phones download, verify, match and warn —
 * the one that shared the market's air for 45 minutes, not the one there the day before, not the one there 5
 * minutes, not the case itself. A tampered package is rejected and retried. A health officer's place warning reaches
 * the phone that checked in at the desk that day, not the one there the day before.
 */
class CheckinServerE2EIT {
    /** 14/08/2026 05:00 in Vietnam. */
    private static final SimulatedClock CLOCK = new SimulatedClock(Instant.parse("2026-08-13T22:00:00Z"));
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The health station's hotline this server is configured with; the warnings must name it. */
    private static final String HOTLINE = "0234 3822 115";
    private static ConfigurableApplicationContext server;
    private static Path dataDir;
    private static URI base;

    @BeforeAll
    static void start() throws Exception {
        dataDir = Files.createTempDirectory("bluezone-checkin-e2e");
        String db = "jdbc:h2:mem:ci" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        server = new SpringApplicationBuilder(BluezoneServer.class)
                .initializers(ctx -> ((GenericApplicationContext) ctx).registerBean("simulatedClock", Clock.class,
                        () -> CLOCK))
                .run("--server.port=0", "--bluezone.demo.enabled=false", "--bluezone.keys.export.enabled=false",
                        "--bluezone.checkins.enabled=false", "--bluezone.db.url=" + db, "--bluezone.db.user=sa",
                        "--bluezone.db.password=", "--bluezone.data-dir=" + dataDir,
                        "--bluezone.public-url=https://bz.example.vn", "--bluezone.health.hotline=" + HOTLINE);
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

    /** What a phone's download path may tamper with (one byte flipped), as an attacker on the way would. */
    enum Tamper { PACKAGE, MANIFEST }

    /** One phone's check-in side, talking to the real server over HTTP. */
    static final class Phone {
        final String name;
        final List<CheckinWarning> warnings = new ArrayList<>();
        final List<RenderedWarning> texts = new ArrayList<>();
        final CheckinEngine engine;
        /** The parts of the server's files tampered on their way to this phone; none: honest downloads. */
        private Set<Tamper> tampered = EnumSet.noneOf(Tamper.class);

        Phone(String name, String pem, Locale locale) {
            this.name = name;
            HttpCheckinServerClient http = new HttpCheckinServerClient(base);
            CheckinServerClient onTheWay = new CheckinServerClient() {
                @Override
                public List<String> packageIndex(String region) throws KeyServerException {
                    return http.packageIndex(region);
                }

                @Override
                public byte[] packageFile(String n) throws KeyServerException {
                    return flipIf(Tamper.PACKAGE, http.packageFile(n));
                }

                @Override
                public byte[] manifest(String region, long day) throws KeyServerException {
                    return flipIf(Tamper.MANIFEST, http.manifest(region, day));
                }
            };
            this.engine = new CheckinEngine(SqliteCheckinStore.inMemory(), onTheWay, new HttpKeyServerClient(base),
                    List.of(pem), List.of("VN"), CLOCK, new SecureRandom(), (w, t) -> {
                        warnings.add(w);
                        texts.add(t);
                    }, locale);
        }

        /** From now on these parts arrive tampered; none: honest again. */
        void tamper(Tamper... parts) {
            tampered = parts.length == 0 ? EnumSet.noneOf(Tamper.class) : EnumSet.copyOf(List.of(parts));
        }

        private byte[] flipIf(Tamper part, byte[] file) {
            if (tampered.contains(part)) {
                file[file.length / 3] ^= 0x01;
            }
            return file;
        }

        StoredCheckin checkIn(String link) {
            return engine.book().checkIn(link);
        }
    }

    private static <T> T bean(Class<T> type) {
        return server.getBean(type);
    }

    /** The place's check-in link as the officials' API gives it (what its poster's QR carries). */
    private static String link(String placeCode, String apiKey) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(base.resolve("api/v1/admin/checkins/places/" + placeCode
                + "/link")).header("X-Api-Key", apiKey).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(r.body()).get("url").asString();
    }

    private static void runPackageJob() {
        CLOCK.advance(Duration.ofMinutes(65));
        CheckinPackageService.RunSummary r = bean(CheckinPackageService.class).runOnce();
        assertTrue(r.ran() && r.packages() > 0, "package job built packages: " + r);
    }

    @Test
    void checkinsOfACaseAndAnOfficersPlaceWarningReachTheRightPhones() throws Exception {
        String pem = new HttpKeyServerClient(base).exportPublicKey().pem();
        Place marketPlace = bean(PlaceService.class).create("19873", null, "MARKET", "Chợ Hà Lạc", null, "e2e");
        Place deskPlace = bean(PlaceService.class).create("19873", null, "ONE_STOP_DESK", "Bộ phận một cửa", null, "e2e");
        String key = bean(ApiKeyService.class).issue(bean(AccountService.class).create("e2e", "desk.officer", null,
                Role.HEALTH_OFFICER, "46", "officer-password", false), null).key();
        String market = link(marketPlace.code(), key);
        String desk = link(deskPlace.code(), key);
        assertTrue(market.startsWith("https://bz.example.vn/i/" + marketPlace.code() + "#"), market);

        Phone a = new Phone("A (case)", pem, WarningMessages.VIETNAMESE);
        Phone b = new Phone("B", pem, WarningMessages.VIETNAMESE);
        Phone c = new Phone("C (day before)", pem, WarningMessages.VIETNAMESE);
        Phone d = new Phone("D (5 minutes)", pem, WarningMessages.VIETNAMESE);
        Phone f = new Phone("F (desk)", pem, Locale.ENGLISH);
        Phone g = new Phone("G (desk, day before)", pem, WarningMessages.VIETNAMESE);

        // 13/08: C at the market 07:00-08:00, G at the desk 09:00-09:30 (Vietnam time).
        CLOCK.set(Instant.parse("2026-08-13T00:00:00Z"));
        long cId = c.checkIn(market).id();
        CLOCK.set(Instant.parse("2026-08-13T01:00:00Z"));
        c.engine.book().checkOut(cId);
        CLOCK.set(Instant.parse("2026-08-13T02:00:00Z"));
        long gId = g.checkIn(desk).id();
        CLOCK.set(Instant.parse("2026-08-13T02:30:00Z"));
        g.engine.book().checkOut(gId);

        // 14/08: A at the market 06:00-07:00 (checks out by hand); B from 06:15, checked out automatically after the
        // default stay (60 min); D 06:55-07:00; F at the desk 09:00-09:30.
        CLOCK.set(Instant.parse("2026-08-13T23:00:00Z"));
        long aId = a.checkIn(market).id();
        CLOCK.set(Instant.parse("2026-08-13T23:15:00Z"));
        StoredCheckin bIn = b.checkIn(market);
        assertEquals("Chợ Hà Lạc", bIn.place().description());
        CLOCK.set(Instant.parse("2026-08-13T23:55:00Z"));
        long dId = d.checkIn(market).id();
        CLOCK.set(Instant.parse("2026-08-14T00:00:00Z"));
        a.engine.book().checkOut(aId);
        d.engine.book().checkOut(dId);
        CLOCK.set(Instant.parse("2026-08-14T02:00:00Z"));
        long fId = f.checkIn(desk).id();
        CLOCK.set(Instant.parse("2026-08-14T02:30:00Z"));
        f.engine.book().checkOut(fId);
        assertEquals(Instant.parse("2026-08-14T00:15:00Z"), b.engine.book().list().get(0).end(CLOCK.instant()),
                "B was checked out after the place's default stay");

        // A is confirmed: code, consent screen lists the check-in, the user leaves it ticked, upload.
        try (SqliteDeviceStorage store = SqliteDeviceStorage.inMemory()) {
            KeyRotation rotation = new KeyRotation(store, CLOCK, new SecureRandom(), -25);
            rotation.refresh();
            ReportFlow flow = new ReportFlow(new HttpKeyServerClient(base), store, rotation, CLOCK, new SecureRandom());
            Official officer = new Official(1, "e2e-officer", "E2E officer", Role.HEALTH_OFFICER, null, false);
            String code = bean(VerificationService.class).issue(officer, new VerificationService.IssueRequest(
                    ReportType.CONFIRMED_TEST, LocalDate.of(2026, 8, 14), null, null)).shortCode();
            PendingReport pending = flow.verify(code);
            List<StoredCheckin> shown = a.engine.book().shareable();
            assertEquals(1, shown.size());
            ReportResult r = flow.uploadWithConsent(pending, a.engine.reportsToShare(List.of(shown.get(0).id())));
            assertEquals(1, r.checkinsSent());
            assertEquals(1, r.checkinsAccepted());
        }
        runPackageJob();

        // A tampered package: rejected with the reason, nothing matched, and read again next time.
        b.tamper(Tamper.PACKAGE);
        CheckinCheckResult tampered = b.engine.check();
        assertEquals(0, tampered.packagesRead());
        assertEquals(1, tampered.rejected().size(), tampered.toString());
        assertTrue(tampered.rejected().get(0).endsWith(": HASH_MISMATCH"), tampered.toString());

        // A tampered daily manifest: refused with its reason; the package is then checked by its own signature.
        b.tamper(Tamper.PACKAGE, Tamper.MANIFEST);
        CheckinCheckResult forged = b.engine.check();
        assertEquals(0, forged.packagesRead());
        assertEquals(2, forged.rejected().size(), forged.toString());
        assertTrue(forged.rejected().get(0).endsWith(".manifest: SIGNATURE_MISMATCH"), forged.toString());
        assertTrue(forged.rejected().get(1).endsWith(".bin: SIGNATURE_MISMATCH"), forged.toString());
        assertTrue(b.warnings.isEmpty());
        b.tamper();

        CheckinCheckResult bResult = b.engine.check();
        assertEquals(1, bResult.packagesRead());
        assertEquals(1, bResult.packagesViaManifest(), "accepted by its hash in the day's signed manifest");
        assertEquals(15, bResult.minimumOverlapMinutes(), "from the signed configuration");
        assertEquals(1, b.warnings.size(), b.warnings.toString());
        CheckinWarning w = b.warnings.get(0);
        assertEquals(CheckinWarning.Kind.CASE, w.kind());
        assertEquals("Chợ Hà Lạc", w.placeName());
        assertEquals(LocalDate.of(2026, 8, 14), w.day());
        assertEquals(45, w.overlapMinutes());
        assertTrue(b.texts.get(0).body().contains("Chợ Hà Lạc") && b.texts.get(0).body().contains("14/08/2026"),
                b.texts.get(0).body());
        assertTrue(b.texts.get(0).body().contains("đường dây nóng " + HOTLINE), "the configured hotline: " + b.texts.get(0).body());
        for (Phone p : List.of(a, c, d)) {
            p.engine.check();
            assertEquals(List.of(), p.warnings, p.name);
        }
        assertEquals(0, b.engine.check().warnings().size(), "warned once");

        // A health officer of Thừa Thiên Huế warns the desk for 14/08 08:00-11:00, over HTTP.
        String body = "{\"placeCode\":\"" + deskPlace.code() + "\",\"start\":\"2026-08-14T01:00:00Z\","
                + "\"end\":\"2026-08-14T04:00:00Z\",\"message\":\"Có ca bệnh tại bộ phận một cửa; hãy khai báo y tế.\"}";
        HttpResponse<String> posted = HTTP.send(HttpRequest.newBuilder(base.resolve("api/v1/admin/checkins/place-warnings"))
                .header("Content-Type", "application/json").header("X-Api-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, posted.statusCode(), posted.body());
        runPackageJob();

        f.engine.check();
        g.engine.check();
        assertEquals(List.of(), g.warnings, "G was at the desk the day before");
        assertEquals(1, f.warnings.size());
        assertEquals(CheckinWarning.Kind.OFFICER, f.warnings.get(0).kind());
        assertEquals(30, f.warnings.get(0).overlapMinutes());
        assertEquals("Có ca bệnh tại bộ phận một cửa; hãy khai báo y tế.", f.warnings.get(0).officerMessage());
        assertTrue(f.texts.get(0).title().startsWith("Health authority warning"), f.texts.get(0).title());
        assertTrue(f.texts.get(0).body().contains("Bộ phận một cửa"), f.texts.get(0).body());
        assertTrue(f.texts.get(0).body().contains("the hotline " + HOTLINE), f.texts.get(0).body());

        // 14 days later everything is purged from the phones.
        CLOCK.advance(Duration.ofDays(15));
        assertEquals(1, b.engine.book().purge());
        assertEquals(List.of(), b.engine.book().list());
    }
}
