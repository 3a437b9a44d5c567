package vn.bluezone.server.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.export.KeyExport;
import vn.bluezone.protocol.export.KeyExportReader;
import vn.bluezone.protocol.export.P256Keys;
import vn.bluezone.protocol.export.VerificationKey;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.ApiKeyService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.support.DeviceKeys;
import vn.bluezone.server.support.MutableClock;

/**
 * The whole key server over real HTTP: issue code → verify → certificate → submit 14 keys → export job →
 * download index and ZIP → verify the signature with the published key → read it → the keys are there;
 * chaff stores nothing; config is signed; rotation; retention. Subclasses run it on H2 and PostgreSQL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class EndToEndTests {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired ApiKeyService apiKeys;
    @Autowired MutableClock clock;
    @Autowired JdbcTemplate jdbc;

    static String officerKey;
    static String adminKey;
    static List<DeviceKeys.Key> submitted;
    static List<DeviceKeys.Key> recursive;

    HttpResponse<byte[]> send(String method, String path, Object body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        headers.forEach(b::header);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode json(HttpResponse<byte[]> r, int expectedStatus) {
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(expectedStatus);
        return JSON.readTree(r.body());
    }

    /** What a phone does from the officer's code to the accepted upload. */
    JsonNode upload(List<DeviceKeys.Key> keys, ReportType type) throws Exception {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
        JsonNode code = json(send("POST", "/api/v1/admin/codes", Map.of("reportType", type.name(),
                "symptomDate", today.minusDays(5).toString()), Map.of("X-Api-Key", officerKey)), 201);
        JsonNode token = json(send("POST", "/api/v1/verify", Map.of("code", code.get("shortCode").asString()), Map.of()), 200);
        byte[] hmacKey = DeviceKeys.hmacKey();
        JsonNode cert = json(send("POST", "/api/v1/certificate", Map.of("token", token.get("token").asString(),
                "ekeyhmac", DeviceKeys.hmac(hmacKey, keys)), Map.of()), 200);
        Map<String, Object> body = new HashMap<>();
        body.put("temporaryExposureKeys", DeviceKeys.json(keys));
        body.put("certificate", cert.get("certificate").asString());
        body.put("hmacKey", Base64.getEncoder().encodeToString(hmacKey));
        body.put("padding", Base64.getEncoder().encodeToString(new byte[300]));
        return json(send("POST", "/api/v1/diagnosis-keys", body, Map.of()), 200);
    }

    long storedKeys() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM diagnosis_key", Long.class);
    }

    VerificationKey publishedKey(String version) throws Exception {
        JsonNode pk = json(send("GET", "/api/v1/exports/public-key", null, Map.of()), 200);
        for (JsonNode k : pk.get("keys")) {
            if (k.get("keyVersion").asString().equals(version)) {
                return new VerificationKey(P256Keys.readPublicKey(k.get("publicKey").asString()),
                        k.get("keyId").asString(), version);
            }
        }
        throw new AssertionError("no published key " + version);
    }

    /** All keys of all files listed in a region's index, each file verified with {@code key}. */
    List<KeyExport> download(String region, VerificationKey... key) throws Exception {
        HttpResponse<byte[]> index = send("GET", "/api/v1/exports/" + region + "/index.txt", null, Map.of());
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Cache-Control").orElse("")).contains("max-age=300").contains("public");
        String etag = index.headers().firstValue("ETag").orElseThrow();
        assertThat(send("GET", "/api/v1/exports/" + region + "/index.txt", null, Map.of("If-None-Match", etag))
                .statusCode()).isEqualTo(304);
        List<KeyExport> files = new ArrayList<>();
        for (String line : new String(index.body(), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            assertThat(line).startsWith(region + "/hour-").endsWith(".zip");
            HttpResponse<byte[]> zip = send("GET", "/api/v1/exports/" + line, null, Map.of());
            assertThat(zip.statusCode()).isEqualTo(200);
            assertThat(zip.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/zip");
            assertThat(zip.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
            KeyExport export = KeyExportReader.verifyingWith(key).read(zip.body());
            assertThat(export.verified()).isTrue();
            assertThat(export.region()).isEqualTo(region);
            files.add(export);
        }
        return files;
    }

    static Set<String> keyStrings(List<KeyExport> files) {
        Set<String> s = new HashSet<>();
        for (KeyExport f : files) {
            for (TemporaryExposureKey k : f.keys()) {
                s.add(Base64.getEncoder().encodeToString(k.keyData()) + "/" + k.rollingStartIntervalNumber() + "/"
                        + k.rollingPeriod() + "/" + k.reportType());
            }
        }
        return s;
    }

    @Test
    @Order(1)
    void codeToSignedExportFileEndToEnd() throws Exception {
        officerKey = apiKeys.issue(accounts.create("test", "e2e.officer", null, Role.HEALTH_OFFICER, "01",
                "officer-password", false), null).key();
        adminKey = apiKeys.issue(accounts.create("test", "e2e.admin", null, Role.ADMIN, null,
                "admin-password-1", false), null).key();
        submitted = DeviceKeys.dailyKeys(clock.instant(), 14);
        assertThat(upload(submitted, ReportType.CONFIRMED_TEST).get("insertedExposures").asInt()).isEqualTo(14);
        recursive = DeviceKeys.dailyKeys(clock.instant(), 4);
        assertThat(upload(recursive, ReportType.RECURSIVE).get("insertedExposures").asInt()).isEqualTo(4);

        // A chaff upload is answered alike and stores nothing.
        long before = storedKeys();
        Map<String, Object> chaff = Map.of("temporaryExposureKeys", DeviceKeys.json(DeviceKeys.dailyKeys(clock.instant(), 14)),
                "certificate", "x", "hmacKey", "AAAAAAAAAAAAAAAAAAAAAA==", "padding", "abc");
        assertThat(json(send("POST", "/api/v1/diagnosis-keys", chaff, Map.of("X-Chaff", "1")), 200)
                .get("insertedExposures").asInt()).isEqualTo(14);
        assertThat(storedKeys()).isEqualTo(before);

        // Nothing is published before the keys' periods ended plus the embargo.
        json(send("POST", "/api/v1/admin/exports/run", null, Map.of("X-Api-Key", adminKey)), 200);
        assertThat(new String(send("GET", "/api/v1/exports/VN/index.txt", null, Map.of()).body(), StandardCharsets.UTF_8))
                .doesNotContain(".zip");

        clock.advance(Duration.ofHours(27));
        JsonNode run = json(send("POST", "/api/v1/admin/exports/run", null, Map.of("X-Api-Key", adminKey)), 200);
        assertThat(run.get("batches").asInt()).isGreaterThanOrEqualTo(2); // VN and 01
        List<KeyExport> files = download("VN", publishedKey("v1"));
        assertThat(files).isNotEmpty();
        for (KeyExport f : files) {
            assertThat(f.keys().size()).isGreaterThanOrEqualTo(1000); // padded
        }
        Set<String> published = keyStrings(files);
        for (DeviceKeys.Key k : submitted) {
            assertThat(published).contains(k.key() + "/" + k.rollingStartIntervalNumber() + "/144/CONFIRMED_TEST");
        }
        for (DeviceKeys.Key k : recursive) {
            assertThat(published).contains(k.key() + "/" + k.rollingStartIntervalNumber() + "/144/RECURSIVE");
        }
        // The province's own files hold the same keys.
        Set<String> hanoi = keyStrings(download("01", publishedKey("v1")));
        for (DeviceKeys.Key k : submitted) {
            assertThat(hanoi).contains(k.key() + "/" + k.rollingStartIntervalNumber() + "/144/CONFIRMED_TEST");
        }
        // Running again publishes nothing new.
        assertThat(json(send("POST", "/api/v1/admin/exports/run", null, Map.of("X-Api-Key", adminKey)), 200)
                .get("batches").asInt()).isZero();
    }

    @Test
    @Order(2)
    void configurationIsSignedWithThePublishedKey() throws Exception {
        JsonNode cfg = json(send("GET", "/api/v1/config", null, Map.of()), 200);
        String text = cfg.get("configuration").asString();
        Signature sig = Signature.getInstance("SHA256withECDSA");
        sig.initVerify(publishedKey(cfg.get("keyVersion").asString()).publicKey());
        sig.update(text.getBytes(StandardCharsets.UTF_8));
        assertThat(sig.verify(Base64.getDecoder().decode(cfg.get("signature").asString()))).isTrue();
        JsonNode doc = JSON.readTree(text);
        // The Ministry's rule by default (bluezone.keys.device-config.risk-preset; DeviceConfigControllerTest).
        assertThat(doc.get("risk").get("name").asString()).isEqualTo("vietnam-f1-ministry");
        assertThat(doc.get("risk").get("closeContact").get("minimumCumulativeMinutes").asInt()).isEqualTo(15);
        assertThat(doc.get("scanning").get("scanIntervalSeconds").asInt()).isPositive();
        assertThat(doc.get("minimumAppVersion").asString()).isNotBlank();
    }

    @Test
    @Order(3)
    void rebuildingABatchGivesTheSamePaddedKeySet() throws Exception {
        Set<String> before = keyStrings(download("VN", publishedKey("v1")));
        // Forget the published batches (as after losing the blob store); padding stays persisted.
        jdbc.update("DELETE FROM export_file");
        jdbc.update("DELETE FROM export_batch");
        assertThat(json(send("POST", "/api/v1/admin/exports/run", null, Map.of("X-Api-Key", adminKey)), 200)
                .get("batches").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(keyStrings(download("VN", publishedKey("v1")))).isEqualTo(before);
    }

    @Test
    @Order(4)
    void rotationSignsNewFilesWithEveryActiveKey() throws Exception {
        json(send("POST", "/api/v1/admin/signing-keys/rotate", Map.of("keyVersion", "v2"), Map.of("X-Api-Key", adminKey)), 201);
        List<DeviceKeys.Key> later = DeviceKeys.dailyKeys(clock.instant(), 2);
        upload(later, ReportType.CONFIRMED_CLINICAL_DIAGNOSIS);
        clock.advance(Duration.ofHours(27));
        json(send("POST", "/api/v1/admin/exports/run", null, Map.of("X-Api-Key", adminKey)), 200);
        {
            // Older files carry v1's signature only; files built after the rotation carry both, each verifying.
            List<KeyExport> files = download("VN", publishedKey("v1"), publishedKey("v2"));
            Set<String> expected = new HashSet<>();
            for (DeviceKeys.Key k : later) {
                expected.add(k.key() + "/" + k.rollingStartIntervalNumber() + "/144/CONFIRMED_CLINICAL_DIAGNOSIS");
            }
            List<KeyExport> newFiles = files.stream()
                    .filter(f -> keyStrings(List.of(f)).stream().anyMatch(expected::contains)).toList();
            assertThat(newFiles).isNotEmpty();
            assertThat(keyStrings(newFiles)).containsAll(expected);
            for (KeyExport f : newFiles) {
                assertThat(f.signatures()).hasSize(2);
                assertThat(f.signatures()).allMatch(vn.bluezone.protocol.export.ExportSignature::verified);
            }
        }
    }

    @Test
    @Order(5)
    void badExportRequestsAreJson4xx() throws Exception {
        assertThat(json(send("GET", "/api/v1/exports/XYZ/index.txt", null, Map.of()), 400).get("error").asString())
                .isEqualTo("INVALID_REGION");
        assertThat(json(send("GET", "/api/v1/exports/VN/nothing.zip", null, Map.of()), 404).get("error").asString())
                .isEqualTo("EXPORT_NOT_FOUND");
        assertThat(json(send("GET", "/api/v1/exports/VN/a.b.zip", null, Map.of()), 404).get("error").asString())
                .isEqualTo("NOT_FOUND");
        assertThat(json(send("GET", "/api/v1/no/such/thing", null, Map.of()), 404).get("error").asString())
                .isEqualTo("NOT_FOUND");
        assertThat(json(send("POST", "/api/v1/diagnosis-keys", null, Map.of("Content-Type", "application/json")), 400)
                .get("error").asString()).isEqualTo("MISSING_BODY");
        assertThat(json(send("DELETE", "/api/v1/config", null, Map.of()), 405).get("error").asString())
                .isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(json(send("POST", "/api/v1/admin/exports/run", null, Map.of("X-Api-Key", officerKey)), 403)
                .get("error").asString()).isEqualTo("FORBIDDEN");
    }

    /**
     * Issue 15 §5, the closest honest equivalent of a server killed between commit and answer: the phone sends its
     * upload and the connection drops before any answer is read (the server commits anyway); the phone retries
     * the same request and gets 200 with the same answer, and the keys are stored once.
     */
    @Test
    @Order(5)
    void anUploadWhoseAnswerWasLostIsRetriedSafely() throws Exception {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
        JsonNode code = json(send("POST", "/api/v1/admin/codes", Map.of("reportType", "CONFIRMED_TEST",
                "symptomDate", today.minusDays(2).toString()), Map.of("X-Api-Key", officerKey)), 201);
        JsonNode token = json(send("POST", "/api/v1/verify", Map.of("code", code.get("shortCode").asString()), Map.of()), 200);
        List<DeviceKeys.Key> keys = DeviceKeys.dailyKeys(clock.instant(), 7);
        byte[] hmacKey = DeviceKeys.hmacKey();
        JsonNode cert = json(send("POST", "/api/v1/certificate", Map.of("token", token.get("token").asString(),
                "ekeyhmac", DeviceKeys.hmac(hmacKey, keys)), Map.of()), 200);
        Map<String, Object> body = new HashMap<>();
        body.put("temporaryExposureKeys", DeviceKeys.json(keys));
        body.put("certificate", cert.get("certificate").asString());
        body.put("hmacKey", Base64.getEncoder().encodeToString(hmacKey));
        body.put("padding", Base64.getEncoder().encodeToString(new byte[300]));
        byte[] json = JSON.writeValueAsBytes(body);
        long before = storedKeys();
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
            s.getOutputStream().write(("POST /api/v1/diagnosis-keys HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + json.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().write(json);
            s.getOutputStream().flush();
        } // closed without reading the answer
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (storedKeys() - before < 7 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(storedKeys() - before).as("the lost upload was committed").isEqualTo(7);
        JsonNode retry = json(send("POST", "/api/v1/diagnosis-keys", body, Map.of()), 200);
        assertThat(retry.get("insertedExposures").asInt()).isEqualTo(7);
        assertThat(retry.get("results")).hasSize(7).allSatisfy(r -> assertThat(r.get("status").asString()).isEqualTo("ACCEPTED"));
        assertThat(storedKeys() - before).as("stored once").isEqualTo(7);
    }

    @Test
    @Order(6)
    void retentionDeletesKeysAndFilesOlderThanFourteenDays() throws Exception {
        assertThat(storedKeys()).isGreaterThan(0);
        String index = new String(send("GET", "/api/v1/exports/VN/index.txt", null, Map.of()).body(), StandardCharsets.UTF_8);
        String firstFile = index.split("\n")[0];
        clock.advance(Duration.ofDays(15));
        JsonNode r = json(send("POST", "/api/v1/admin/exports/retention", null, Map.of("X-Api-Key", adminKey)), 200);
        assertThat(r.get("keys").asInt()).isGreaterThan(0);
        assertThat(r.get("files").asInt()).isGreaterThan(0);
        assertThat(storedKeys()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM export_batch", Long.class)).isZero();
        assertThat(new String(send("GET", "/api/v1/exports/VN/index.txt", null, Map.of()).body(), StandardCharsets.UTF_8))
                .doesNotContain(".zip");
        assertThat(send("GET", "/api/v1/exports/" + firstFile, null, Map.of()).statusCode()).isEqualTo(404);
    }
}
