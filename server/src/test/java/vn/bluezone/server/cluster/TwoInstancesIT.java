package vn.bluezone.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.export.KeyExport;
import vn.bluezone.protocol.export.KeyExportReader;
import vn.bluezone.server.BluezoneServer;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.ApiKeyService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.registry.InstallQueue;
import vn.bluezone.server.support.DeviceKeys;
import vn.bluezone.server.support.MutableClock;
import vn.bluezone.server.support.RequiresPostgres;
import vn.bluezone.server.support.TestClockConfig;
import vn.bluezone.server.support.TestDatabase;

/**
 * Issue 15 §6: two server instances (two Spring contexts on ports 18131 and 18132) on one PostgreSQL database and
 * one export directory, as behind a load balancer. Uploads, registrations and heartbeats go through both in turn;
 * both run the export job at the same moment, twice; then: one export batch per period and region (none twice, none
 * missing), every uploaded key in the files either instance serves, exact install and activity figures, and the
 * shared limiters (per address, registration per address, the 8-digit guess budget) counting across instances.
 * Clients name their address with X-Forwarded-For from 127.0.0.1, a trusted proxy here as a load balancer would be.
 */
@RequiresPostgres
class TwoInstancesIT {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final int[] PORTS = {18131, 18132};
    static final String COMMUNE = "19882";

    static String schema;
    static Path exports;
    static final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    static String adminKey;
    static String officerKey;

    @BeforeAll
    static void start() throws Exception {
        schema = "bz_two_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        exports = Files.createTempDirectory("bz-two-exports");
        Path data = Files.createTempDirectory("bz-two-data");
        String base = TestDatabase.postgresUrl();
        String secret = Base64.getEncoder().encodeToString(new byte[32]);
        for (int port : PORTS) {
            instances.add(new SpringApplicationBuilder(BluezoneServer.class, TestClockConfig.class).run(
                    "--server.port=" + port,
                    "--bluezone.data-dir=" + data,
                    "--bluezone.db.url=" + base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                    "--bluezone.db.user=", "--bluezone.db.password=",
                    "--spring.flyway.schemas=" + schema, "--spring.flyway.create-schemas=true",
                    "--bluezone.demo.enabled=false",
                    "--bluezone.keys.export.enabled=false", // run by hand below, on both at once
                    "--bluezone.keys.export.directory=" + exports,
                    "--bluezone.keys.verification.code-secret=" + secret,
                    "--bluezone.keys.rate-limit.shared=true",
                    "--bluezone.keys.rate-limit.client-burst=3", "--bluezone.keys.rate-limit.client-per-hour=18",
                    "--bluezone.network-limits.registration-per-address=10",
                    "--bluezone.http.trusted-proxies=127.0.0.1"));
        }
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        instances.forEach(c -> c.getBean(MutableClock.class).set(now)); // one time for both, as NTP would keep it
        AccountService accounts = instances.get(0).getBean(AccountService.class);
        ApiKeyService apiKeys = instances.get(0).getBean(ApiKeyService.class);
        adminKey = apiKeys.issue(accounts.create("test", "two.admin", null, Role.ADMIN, null, "admin-password-long",
                false), "test").key();
        officerKey = apiKeys.issue(accounts.create("test", "two.officer", null, Role.HEALTH_OFFICER, "01",
                "officer-password", false), "test").key();
    }

    @AfterAll
    static void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        TestDatabase.dropPostgresSchema(schema);
    }

    static void advance(Duration d) {
        instances.forEach(c -> c.getBean(MutableClock.class).advance(d)); // the instances' clocks move together
    }

    static HttpResponse<String> send(int instance, String method, String path, Object body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORTS[instance] + path));
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    static Map<String, String> from(String address) {
        return Map.of("X-Forwarded-For", address);
    }

    /** A phone's upload, its three calls spread over both instances. */
    static void upload(int first, List<DeviceKeys.Key> keys, String address) throws Exception {
        LocalDate day = LocalDate.now(instances.get(0).getBean(MutableClock.class).withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
        JsonNode code = json(send(first, "POST", "/api/v1/admin/codes", Map.of("reportType", "CONFIRMED_TEST",
                "symptomDate", day.minusDays(4).toString()), Map.of("X-Api-Key", officerKey)), 201);
        JsonNode token = json(send(1 - first, "POST", "/api/v1/verify", Map.of("code", code.get("shortCode").asString()),
                from(address)), 200);
        byte[] hmacKey = DeviceKeys.hmacKey();
        JsonNode cert = json(send(first, "POST", "/api/v1/certificate", Map.of("token", token.get("token").asString(),
                "ekeyhmac", DeviceKeys.hmac(hmacKey, keys)), from(address)), 200);
        Map<String, Object> body = new HashMap<>();
        body.put("temporaryExposureKeys", DeviceKeys.json(keys));
        body.put("certificate", cert.get("certificate").asString());
        body.put("hmacKey", Base64.getEncoder().encodeToString(hmacKey));
        body.put("padding", Base64.getEncoder().encodeToString(new byte[300]));
        assertThat(json(send(1 - first, "POST", "/api/v1/diagnosis-keys", body, from(address)), 200)
                .get("insertedExposures").asInt()).isEqualTo(keys.size());
    }

    @Test
    void twoInstancesOnOneDatabaseActAsOne() throws Exception {
        JdbcTemplate db = instances.get(0).getBean(JdbcTemplate.class);
        MutableClock clock = instances.get(0).getBean(MutableClock.class);

        // Uploads in two different hours, alternating instances.
        List<DeviceKeys.Key> uploaded = new ArrayList<>();
        for (int hour = 0; hour < 2; hour++) {
            for (int i = 0; i < 3; i++) {
                List<DeviceKeys.Key> keys = DeviceKeys.dailyKeys(clock.instant(), 10);
                upload(i % 2, keys, "100.64." + hour + "." + (10 + i));
                uploaded.addAll(keys);
            }
            advance(Duration.ofHours(1));
        }

        // Registrations and heartbeats, each device registered through one instance and beating through the other.
        int devices = 16;
        for (int i = 0; i < devices; i++) {
            String address = "100.65." + i + ".1";
            JsonNode d = json(send(i % 2, "POST", "/api/v1/devices", Map.of("platform", "android", "appVersion", "1.0.0",
                    "communeCode", COMMUNE), from(address)), 201);
            json(send(1 - i % 2, "POST", "/api/v1/devices/" + d.get("deviceId").asString() + "/heartbeat",
                    Map.of("bluetoothOn", true, "appVersion", "1.0.0"),
                    Map.of("Authorization", "Bearer " + d.get("deviceSecret").asString(), "X-Forwarded-For", address)), 200);
        }
        // Roll-ups are queued with each registration and applied in batches (issue 15 §5) by either instance;
        // apply what is left from both, as the statistics pages do before they read.
        instances.forEach(c -> c.getBean(InstallQueue.class).flush());
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
        assertThat(db.queryForObject("SELECT COALESCE(SUM(installs), 0) FROM unit_day_stat WHERE unit_code = ?",
                Long.class, COMMUNE)).isEqualTo(devices);
        assertThat(db.queryForObject("SELECT COALESCE(SUM(active_1d), 0) FROM unit_day_stat WHERE unit_code = ? "
                + "AND stat_day = ?", Long.class, COMMUNE, today)).isEqualTo(devices);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM device WHERE commune_code = ?", Long.class, COMMUNE))
                .isEqualTo(devices);

        // Both instances run the export job at the same moment, twice: one batch per hour and region.
        advance(Duration.ofHours(27));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<String> answers = new ArrayList<>();
        try {
            for (int round = 0; round < 2; round++) {
                List<Future<HttpResponse<String>>> runs = new ArrayList<>();
                for (int n = 0; n < 2; n++) {
                    int instance = n;
                    runs.add(pool.submit((Callable<HttpResponse<String>>) () -> send(instance, "POST",
                            "/api/v1/admin/exports/run", null, Map.of("X-Api-Key", adminKey))));
                }
                for (Future<HttpResponse<String>> f : runs) {
                    assertThat(f.get().statusCode()).as(f.get().body()).isEqualTo(200);
                    answers.add(f.get().body());
                }
            }
        } finally {
            pool.shutdown();
        }
        // One batch per hour in which keys became available (none missing), none twice, and the province's alike.
        assertThat(answers.stream().filter(a -> a.contains("\"ran\":true") && !a.contains("\"batches\":0")))
                .as(answers.toString()).hasSize(1); // only one instance built them, once
        List<java.time.OffsetDateTime> due = db.queryForList("SELECT DISTINCT available_at FROM diagnosis_key "
                + "ORDER BY available_at", java.time.OffsetDateTime.class);
        List<java.time.OffsetDateTime> built = db.queryForList("SELECT start_at FROM export_batch WHERE region = 'VN' "
                + "AND kind = 'HOUR' ORDER BY start_at", java.time.OffsetDateTime.class);
        assertThat(built).as(answers.toString()).hasSizeGreaterThanOrEqualTo(2)
                .extracting(java.time.OffsetDateTime::toInstant)
                .containsExactlyElementsOf(due.stream().map(java.time.OffsetDateTime::toInstant).toList());
        assertThat(db.queryForObject("SELECT COUNT(*) FROM export_batch WHERE region = '01' AND kind = 'HOUR'",
                Integer.class)).isEqualTo(built.size());
        String indexA = send(0, "GET", "/api/v1/exports/VN/index.txt", null, Map.of()).body();
        String indexB = send(1, "GET", "/api/v1/exports/VN/index.txt", null, Map.of()).body();
        assertThat(indexA).isEqualTo(indexB);
        Set<String> published = new HashSet<>();
        for (String line : indexA.split("\n")) {
            if (!line.isBlank()) {
                HttpResponse<byte[]> zip = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORTS[1]
                        + "/api/v1/exports/" + line)).build(), HttpResponse.BodyHandlers.ofByteArray());
                KeyExport e = KeyExportReader.unverified().read(zip.body());
                for (TemporaryExposureKey k : e.keys()) {
                    published.add(Base64.getEncoder().encodeToString(k.keyData()));
                }
            }
        }
        assertThat(indexA.split("\n")).hasSize(built.size());
        for (DeviceKeys.Key k : uploaded) {
            assertThat(published).contains(k.key());
        }
        System.out.printf("TWO INSTANCES: %d uploads, %d registrations and heartbeats through both; export runs %s; "
                + "VN index %s", 6, devices, answers, indexA.replace('\n', ' '));
        System.out.println();

        // Shared limiters: one client budget (3 per window) across both instances...
        String guesser = "198.51.100.9";
        for (int i = 0; i < 3; i++) {
            assertThat(json(send(i % 2, "POST", "/api/v1/verify", Map.of("code", "0000000" + i), from(guesser)), 400)
                    .get("error").asString()).isEqualTo("CODE_INVALID");
        }
        assertThat(json(send(1, "POST", "/api/v1/verify", Map.of("code", "00000009"), from(guesser)), 429)
                .get("error").asString()).isEqualTo("RATE_LIMITED");
        assertThat(json(send(0, "POST", "/api/v1/verify", Map.of("code", "00000009"), from(guesser)), 429)
                .get("error").asString()).isEqualTo("RATE_LIMITED");
        // ...one 8-digit guess budget (no code outstanding: 6 a window, work required from 3 used)...
        assertThat(json(send(0, "POST", "/api/v1/verify", Map.of("code", "00000011"), from("203.0.113.1")), 429)
                .get("error").asString()).isEqualTo("PROOF_OF_WORK_REQUIRED");
        // ...and one registration budget per address (10 an hour here).
        int registered = 0;
        for (int i = 0; i < 12; i++) {
            HttpResponse<String> r = send(i % 2, "POST", "/api/v1/devices", Map.of("platform", "android",
                    "appVersion", "1.0.0"), from("203.0.113.50"));
            registered += r.statusCode() == 201 ? 1 : 0;
            if (r.statusCode() != 201) {
                assertThat(json(r, 429).get("error").asString()).isEqualTo("RATE_LIMITED");
            }
        }
        assertThat(registered).isEqualTo(10);
    }
}
