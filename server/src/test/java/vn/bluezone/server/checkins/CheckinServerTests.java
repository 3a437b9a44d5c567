package vn.bluezone.server.checkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import vn.bluezone.api.KeyHmac;
import vn.bluezone.api.submission.CheckinReport;
import vn.bluezone.api.submission.DiagnosisKey;
import tools.jackson.databind.json.JsonMapper;
import vn.bluezone.protocol.checkin.CheckinFormatException;
import vn.bluezone.protocol.checkin.CheckinLink;
import vn.bluezone.protocol.checkin.CheckinManifest;
import vn.bluezone.protocol.checkin.CheckinMatch;
import vn.bluezone.protocol.checkin.CheckinMatcher;
import vn.bluezone.protocol.checkin.CheckinPackage;
import vn.bluezone.protocol.checkin.CheckinRecord;
import vn.bluezone.protocol.checkin.LocalCheckin;
import vn.bluezone.protocol.checkin.LocationId;
import vn.bluezone.protocol.checkin.PackageScan;
import vn.bluezone.protocol.checkin.ProtectedReport;
import vn.bluezone.protocol.checkin.ReportCipher;
import vn.bluezone.protocol.export.P256Keys;
import vn.bluezone.protocol.export.VerificationKey;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.ApiKeyService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.audit.AuditLog;
import vn.bluezone.server.campaign.place.PlaceService;
import vn.bluezone.server.keys.verification.CertificateSigner;
import vn.bluezone.server.support.DeviceKeys;
import vn.bluezone.server.support.MutableClock;

/**
 * Check-ins through the real server over HTTP: a case's upload carries encrypted check-ins bound by the
 * certificate, per-item results, chaff; hourly signed padded packages per region with index and caching; a
 * health officer's place warning (scope, checks, audit) travels in the packages; no table reveals the place of a
 * check-in; signed daily manifests of the packages' hashes; 14-day retention. Subclasses run it on H2 and PostgreSQL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class CheckinServerTests {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final SecureRandom RANDOM = new SecureRandom();
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired ApiKeyService apiKeys;
    @Autowired PlaceService places;
    @Autowired MutableClock clock;
    @Autowired JdbcTemplate jdbc;
    @Autowired AuditLog audit;

    static String officerKey;
    static String adminKey;
    static String otherProvinceKey;
    static String marketCode;
    static String deskCode;
    static LocationId market;
    static LocationId desk;
    static ProtectedReport uploaded;
    static long checkinStart;

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

    static Map<String, Object> checkinJson(ProtectedReport r) {
        Base64.Encoder b = Base64.getEncoder();
        CheckinReport e = new CheckinReport(b.encodeToString(r.locationIdHash()), b.encodeToString(r.iv()),
                b.encodeToString(r.encryptedRecord()), b.encodeToString(r.mac()));
        return Map.of("locationIdHash", e.locationIdHash(), "iv", e.iv(), "encryptedRecord", e.encryptedRecord(), "mac", e.mac());
    }

    /** Code → verify → certificate over keys and check-ins → upload. */
    HttpResponse<byte[]> upload(List<DeviceKeys.Key> keys, List<Map<String, Object>> certified,
                                List<Map<String, Object>> sent) throws Exception {
        return send("POST", "/api/v1/diagnosis-keys", uploadBody(keys, certified, sent), Map.of());
    }

    /** The body of an upload whose certificate covers {@code certified}, ready to send (and to send again). */
    Map<String, Object> uploadBody(List<DeviceKeys.Key> keys, List<Map<String, Object>> certified,
                                   List<Map<String, Object>> sent) throws Exception {
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        JsonNode code = json(send("POST", "/api/v1/admin/codes", Map.of("reportType", "CONFIRMED_TEST",
                "symptomDate", today.minusDays(3).toString()), Map.of("X-Api-Key", officerKey)), 201);
        JsonNode token = json(send("POST", "/api/v1/verify", Map.of("code", code.get("shortCode").asString()), Map.of()), 200);
        byte[] hmacKey = DeviceKeys.hmacKey();
        List<DiagnosisKey> entries = keys.stream().map(k -> new DiagnosisKey(k.key(), k.rollingStartIntervalNumber(),
                k.rollingPeriod(), k.transmissionRisk())).toList();
        List<CheckinReport> bound = certified.stream().map(c -> new CheckinReport((String) c.get("locationIdHash"),
                (String) c.get("iv"), (String) c.get("encryptedRecord"), (String) c.get("mac"))).toList();
        String ekeyhmac = KeyHmac.computeBase64(hmacKey, entries, bound);
        JsonNode cert = json(send("POST", "/api/v1/certificate", Map.of("token", token.get("token").asString(),
                "ekeyhmac", ekeyhmac), Map.of()), 200);
        Map<String, Object> body = new HashMap<>();
        body.put("temporaryExposureKeys", DeviceKeys.json(keys));
        body.put("checkins", sent);
        body.put("certificate", cert.get("certificate").asString());
        body.put("hmacKey", Base64.getEncoder().encodeToString(hmacKey));
        body.put("padding", "AAAA");
        return body;
    }

    long reports() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM checkin_report", Long.class);
    }

    VerificationKey publishedKey() throws Exception {
        JsonNode pk = json(send("GET", "/api/v1/exports/public-key", null, Map.of()), 200);
        return new VerificationKey(P256Keys.readPublicKey(pk.get("publicKey").asString()), pk.get("keyId").asString(),
                pk.get("keyVersion").asString());
    }

    /** Every report of every package listed for the region, each package verified with the published key. */
    List<ProtectedReport> download(String region) throws Exception {
        HttpResponse<byte[]> index = send("GET", "/api/v1/checkins/" + region + "/index.txt", null, Map.of());
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Cache-Control").orElse("")).contains("public").contains("max-age=300");
        String etag = index.headers().firstValue("ETag").orElseThrow();
        assertThat(send("GET", "/api/v1/checkins/" + region + "/index.txt", null, Map.of("If-None-Match", etag))
                .statusCode()).isEqualTo(304);
        VerificationKey key = publishedKey();
        List<ProtectedReport> all = new ArrayList<>();
        for (String line : new String(index.body(), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            assertThat(line).startsWith(region + "/hour-").endsWith(".bin");
            HttpResponse<byte[]> file = send("GET", "/api/v1/checkins/" + line, null, Map.of());
            assertThat(file.statusCode()).isEqualTo(200);
            assertThat(file.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
            CheckinPackage p = CheckinPackage.read(file.body(), List.of(key));
            assertThat(p.region()).isEqualTo(region);
            assertThat(p.reports().size()).isGreaterThanOrEqualTo(500); // padded
            all.addAll(p.reports());
        }
        return all;
    }

    @Test
    @Order(1)
    void uploadCarriesCheckinsBoundByTheCertificate() throws Exception {
        officerKey = apiKeys.issue(accounts.create("test", "ci.officer", null, Role.HEALTH_OFFICER, "46",
                "officer-password", false), null).key();
        adminKey = apiKeys.issue(accounts.create("test", "ci.admin", null, Role.ADMIN, null,
                "admin-password-1", false), null).key();
        otherProvinceKey = apiKeys.issue(accounts.create("test", "ci.hanoi", null, Role.HEALTH_OFFICER, "01",
                "officer-password", false), null).key();
        marketCode = places.create("19873", null, "MARKET", "Chợ Hà Lạc", null, "test").code();
        deskCode = places.create("19873", null, "ONE_STOP_DESK", "Bộ phận một cửa xã Quảng Ngạn", null, "test").code();
        String link = json(send("GET", "/api/v1/admin/checkins/places/" + marketCode + "/link", null,
                Map.of("X-Api-Key", officerKey)), 200).get("url").asString();
        assertThat(link).contains("/i/" + marketCode + "#");
        CheckinLink parsed = CheckinLink.parse(link);
        assertThat(parsed.payload().description()).isEqualTo("Chợ Hà Lạc");
        assertThat(parsed.payload().defaultStayMinutes()).isEqualTo(60);
        market = parsed.payload().locationId();
        // The same link every time (the payload is fixed once issued).
        assertThat(json(send("GET", "/api/v1/admin/checkins/places/" + marketCode + "/link", null,
                Map.of("X-Api-Key", officerKey)), 200).get("url").asString()).isEqualTo(link);
        desk = CheckinLink.parse(json(send("GET", "/api/v1/admin/checkins/places/" + deskCode + "/link", null,
                Map.of("X-Api-Key", adminKey)), 200).get("url").asString()).payload().locationId();
        // Another province's place: answered exactly like a code that does not exist (issue 15 §4).
        var other = send("GET", "/api/v1/admin/checkins/places/" + marketCode + "/link", null,
                Map.of("X-Api-Key", otherProvinceKey));
        var missing = send("GET", "/api/v1/admin/checkins/places/ZZZZZZZZ/link", null,
                Map.of("X-Api-Key", otherProvinceKey));
        assertThat(other.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
        assertThat(new String(other.body(), java.nio.charset.StandardCharsets.UTF_8).replace(marketCode, "?"))
                .isEqualTo(new String(missing.body(), java.nio.charset.StandardCharsets.UTF_8).replace("ZZZZZZZZ", "?"));

        checkinStart = clock.instant().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.HOURS).getEpochSecond();
        uploaded = ReportCipher.encrypt(market, CheckinRecord.covering(checkinStart, checkinStart + 3600, 5, ""), RANDOM);
        Map<String, Object> bad = new HashMap<>(checkinJson(uploaded));
        bad.put("iv", "AAAA");
        List<Map<String, Object>> sent = List.of(checkinJson(uploaded), bad, checkinJson(uploaded));
        List<DeviceKeys.Key> keys = DeviceKeys.dailyKeys(clock.instant(), 14);

        // Check-ins the certificate does not cover are refused with the whole upload.
        JsonNode mismatch = json(upload(keys, List.of(), sent), 400);
        assertThat(mismatch.get("error").asString()).isEqualTo("HMAC_MISMATCH");
        assertThat(reports()).isZero();

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(checkinJson(ReportCipher.encrypt(desk, CheckinRecord.of(2977770 + i, 1, 5), RANDOM)));
        }
        assertThat(json(upload(keys, tooMany, tooMany), 400).get("error").asString()).isEqualTo("TOO_MANY_CHECKINS");

        JsonNode ok = json(upload(keys, sent, sent), 200);
        assertThat(ok.get("insertedExposures").asInt()).isEqualTo(14);
        JsonNode results = ok.get("checkinResults");
        assertThat(results.size()).isEqualTo(3);
        assertThat(results.get(0).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(results.get(1).get("reason").asString()).isEqualTo("INVALID_IV");
        assertThat(results.get(2).get("reason").asString()).isEqualTo("DUPLICATE_CHECKIN");
        assertThat(reports()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT region FROM checkin_report", String.class)).isEqualTo("46");

        // Chaff with check-ins: same answer shape, nothing stored.
        Map<String, Object> chaff = Map.of("temporaryExposureKeys", DeviceKeys.json(keys), "checkins", sent,
                "certificate", "x", "hmacKey", "AAAAAAAAAAAAAAAAAAAAAA==", "padding", "abc");
        JsonNode fake = json(send("POST", "/api/v1/diagnosis-keys", chaff, Map.of("X-Chaff", "1")), 200);
        assertThat(fake.get("checkinResults").size()).isEqualTo(3);
        assertThat(reports()).isEqualTo(1);
        // A key-only upload's answer has no checkinResults (unchanged for older phones).
        JsonNode keyOnly = json(upload(DeviceKeys.dailyKeys(clock.instant(), 2), List.of(), List.of()), 200);
        assertThat(keyOnly.has("checkinResults")).isFalse();
    }

    @Test
    @Order(2)
    void healthOfficerWarnsAPlaceInTheirProvinceOnly() throws Exception {
        Instant start = clock.instant().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> req = Map.of("placeCode", deskCode, "start", start.toString(),
                "end", start.plus(Duration.ofHours(5)).toString(), "message", "Có ca bệnh tại bộ phận một cửa sáng nay");
        // Another province's place is answered like a missing one (issue 15 §4).
        assertThat(json(send("POST", "/api/v1/admin/checkins/place-warnings", req, Map.of("X-Api-Key", otherProvinceKey)), 404)
                .get("error").asString()).isEqualTo("PLACE_NOT_FOUND");
        Map<String, Object> reversed = new HashMap<>(req);
        reversed.put("end", start.minusSeconds(60).toString());
        assertThat(json(send("POST", "/api/v1/admin/checkins/place-warnings", reversed, Map.of("X-Api-Key", officerKey)), 400)
                .get("error").asString()).isEqualTo("INVALID_WINDOW");
        Map<String, Object> empty = new HashMap<>(req);
        empty.put("message", " ");
        assertThat(json(send("POST", "/api/v1/admin/checkins/place-warnings", empty, Map.of("X-Api-Key", officerKey)), 400)
                .get("error").asString()).isEqualTo("INVALID_MESSAGE");
        Map<String, Object> nowhere = new HashMap<>(req);
        nowhere.put("placeCode", "ZZZZZZ");
        assertThat(json(send("POST", "/api/v1/admin/checkins/place-warnings", nowhere, Map.of("X-Api-Key", officerKey)), 404)
                .get("error").asString()).isEqualTo("PLACE_NOT_FOUND");
        assertThat(reports()).isEqualTo(1);

        JsonNode w = json(send("POST", "/api/v1/admin/checkins/place-warnings", req, Map.of("X-Api-Key", officerKey)), 201);
        assertThat(w.get("issuedBy").asString()).isEqualTo("ci.officer");
        assertThat(reports()).isEqualTo(2);
        assertThat(audit.recent("checkin.place-warning", 10)).hasSize(1);
        assertThat(audit.recent("checkin.place-warning", 10).get(0).target()).isEqualTo("place " + deskCode);
    }

    @Test
    @Order(3)
    void hourlyPackagesAreSignedPaddedAndCarryBoth() throws Exception {
        JsonNode early = json(send("POST", "/api/v1/admin/checkins/packages/run", null, Map.of("X-Api-Key", adminKey)), 200);
        assertThat(early.get("packages").asInt()).isZero(); // the hour is not over
        clock.advance(Duration.ofHours(2));
        JsonNode run = json(send("POST", "/api/v1/admin/checkins/packages/run", null, Map.of("X-Api-Key", adminKey)), 200);
        assertThat(run.get("packages").asInt()).isEqualTo(2); // VN and 46
        assertThat(json(send("POST", "/api/v1/admin/checkins/packages/run", null, Map.of("X-Api-Key", adminKey)), 200)
                .get("packages").asInt()).isZero();

        for (String region : List.of("VN", "46")) {
            List<ProtectedReport> reports = download(region);
            long start = checkinStart;
            LocalCheckin mine = new LocalCheckin(1, market, start + 600, start + 1800);
            List<CheckinMatch> m = new CheckinMatcher(List.of(mine)).match(reports);
            assertThat(m).hasSize(1);
            assertThat(m.get(0).overlapMinutes()).isEqualTo(20);
            LocalCheckin atDesk = new LocalCheckin(2, desk, clock.instant().minus(Duration.ofHours(26)).getEpochSecond(),
                    clock.instant().minus(Duration.ofHours(25)).getEpochSecond());
            List<CheckinMatch> w = new CheckinMatcher(List.of(atDesk)).match(reports);
            assertThat(w).hasSize(1);
            assertThat(w.get(0).isPlaceWarning()).isTrue();
            assertThat(w.get(0).record().message()).isEqualTo("Có ca bệnh tại bộ phận một cửa sáng nay");
        }
        assertThat(send("GET", "/api/v1/checkins/01/index.txt", null, Map.of()).body()).isEmpty();
        assertThat(json(send("GET", "/api/v1/checkins/XX/index.txt", null, Map.of()), 400).get("error").asString())
                .isEqualTo("INVALID_REGION");
        assertThat(json(send("GET", "/api/v1/checkins/VN/hour-1-2.bin", null, Map.of()), 404).get("error").asString())
                .isEqualTo("CHECKIN_PACKAGE_NOT_FOUND");

        // A tampered package is rejected by the reader phones use.
        String line = new String(send("GET", "/api/v1/checkins/VN/index.txt", null, Map.of()).body(), StandardCharsets.UTF_8)
                .split("\n")[0];
        byte[] file = send("GET", "/api/v1/checkins/" + line, null, Map.of()).body();
        file[file.length / 2] ^= 0x10;
        VerificationKey key = publishedKey();
        try {
            CheckinPackage.read(file, List.of(key));
            throw new AssertionError("a tampered package was accepted");
        } catch (CheckinFormatException e) {
            assertThat(e.code()).isIn("SIGNATURE_MISMATCH", "BAD_PROTOBUF", "INVALID_MAC", "INVALID_IV",
                    "INVALID_LOCATION_HASH", "INVALID_ENCRYPTED_RECORD", "SIGNATURE_MISSING");
        }
    }

    /**
     * Every package an index names is listed, with its file's SHA-256, in its region's signed manifest of that UTC
     * day, served with the index's caching; a tampered package is refused by its hash, a manifest read as another
     * region's or day's is refused; manifests of packages built before V401 (no stored hash) are rebuilt from files.
     */
    @Test
    @Order(4)
    void dailyManifestsListEveryPackageByHash() throws Exception {
        VerificationKey key = publishedKey();
        int listed = 0;
        for (String region : List.of("VN", "46")) {
            for (String line : new String(send("GET", "/api/v1/checkins/" + region + "/index.txt", null, Map.of()).body(),
                    StandardCharsets.UTF_8).split("\n")) {
                long day = CheckinManifest.dayOf(CheckinManifest.packageStart(line));
                String path = "/api/v1/checkins/" + region + "/day-" + day + ".manifest";
                HttpResponse<byte[]> m = send("GET", path, null, Map.of());
                assertThat(m.statusCode()).isEqualTo(200);
                assertThat(m.headers().firstValue("Cache-Control").orElse("")).contains("max-age=300").doesNotContain("immutable");
                assertThat(send("GET", path, null, Map.of("If-None-Match", m.headers().firstValue("ETag").orElseThrow()))
                        .statusCode()).isEqualTo(304);
                CheckinManifest manifest = CheckinManifest.read(m.body(), List.of(key), region, day);
                byte[] file = send("GET", "/api/v1/checkins/" + line, null, Map.of()).body();
                assertThat(manifest.vouchesFor(line, file)).as(line).isTrue();
                assertThat(PackageScan.readListed(file, manifest, line, new CheckinMatcher(List.of(new LocalCheckin(1,
                        market, checkinStart + 600, checkinStart + 1800)))).kept()).hasSize(1);
                byte[] tampered = file.clone();
                tampered[tampered.length / 2] ^= 0x10;
                assertThat(codeOf(() -> PackageScan.readListed(tampered, manifest, line, new CheckinMatcher(List.of()))))
                        .isEqualTo("HASH_MISMATCH");
                String other = region.equals("VN") ? "46" : "VN";
                assertThat(codeOf(() -> CheckinManifest.read(m.body(), List.of(key), other, day))).isEqualTo("WRONG_REGION");
                assertThat(codeOf(() -> CheckinManifest.read(m.body(), List.of(key), region, day - 86_400))).isEqualTo("WRONG_DAY");
                listed++;
            }
        }
        assertThat(listed).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM checkin_manifest", Long.class)).isEqualTo(2);
        assertThat(json(send("GET", "/api/v1/checkins/VN/day-86400.manifest", null, Map.of()), 404).get("error").asString())
                .isEqualTo("CHECKIN_MANIFEST_NOT_FOUND");
        assertThat(json(send("GET", "/api/v1/checkins/XX/day-86400.manifest", null, Map.of()), 400).get("error").asString())
                .isEqualTo("INVALID_REGION");

        // Packages built before manifests existed: no stored hash, no manifest. The next run hashes their files.
        String line = new String(send("GET", "/api/v1/checkins/VN/index.txt", null, Map.of()).body(),
                StandardCharsets.UTF_8).split("\n")[0];
        long day = CheckinManifest.dayOf(CheckinManifest.packageStart(line));
        jdbc.update("UPDATE checkin_package SET sha256 = NULL");
        jdbc.update("DELETE FROM checkin_manifest");
        json(send("POST", "/api/v1/admin/checkins/packages/run", null, Map.of("X-Api-Key", adminKey)), 200);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM checkin_manifest", Long.class)).isEqualTo(2);
        CheckinManifest rebuilt = CheckinManifest.read(send("GET", "/api/v1/checkins/VN/day-" + day + ".manifest", null,
                Map.of()).body(), List.of(key), "VN", day);
        assertThat(rebuilt.vouchesFor(line, send("GET", "/api/v1/checkins/" + line, null, Map.of()).body())).isTrue();
    }

    static String codeOf(Runnable r) {
        try {
            r.run();
        } catch (CheckinFormatException e) {
            return e.code();
        }
        throw new AssertionError("accepted");
    }

    @Test
    @Order(5)
    void noTableRevealsThePlaceOfACheckin() {
        // Everything that would let the server tie the uploaded report to the market: its location id, the seed
        // and payload of its QR, in every encoding a column might hold.
        List<byte[]> secrets = List.of(market.bytes(), market.encryptionKey(), market.macKey());
        List<String> needles = new ArrayList<>();
        for (byte[] s : secrets) {
            needles.add(HexFormat.of().formatHex(s));
            needles.add(Base64.getEncoder().encodeToString(s));
            needles.add(Base64.getUrlEncoder().withoutPadding().encodeToString(s));
        }
        List<String> tables = jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = "
                + "current_schema() AND table_type IN ('BASE TABLE', 'TABLE')", String.class);
        assertThat(tables).contains("checkin_report", "checkin_place_qr", "checkin_package", "checkin_manifest", "diagnosis_key");
        int cells = 0;
        for (String table : tables) {
            for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM " + table)) {
                for (Object v : row.values()) {
                    cells++;
                    if (v instanceof byte[] b) {
                        for (byte[] s : secrets) {
                            assertThat(indexOf(b, s)).as(table).isEqualTo(-1);
                        }
                        // The stored hash is SHA-256(location id): only someone who knows the id can recompute it.
                    } else if (v != null) {
                        String text = v.toString();
                        for (String n : needles) {
                            assertThat(text).as(table).doesNotContain(n);
                        }
                    }
                }
            }
        }
        assertThat(cells).isGreaterThan(100);
        // The report row holds the hash and ciphertext only; the check-in's time is not stored in clear.
        Map<String, Object> report = jdbc.queryForList("SELECT * FROM checkin_report ORDER BY id").get(0);
        assertThat(report.keySet()).extracting(String::toLowerCase).containsExactlyInAnyOrder("id", "location_id_hash",
                "iv", "encrypted_record", "mac", "region", "available_at");
        Instant stored = ((java.time.OffsetDateTime) jdbc.queryForObject(
                "SELECT available_at FROM checkin_report ORDER BY id LIMIT 1", java.time.OffsetDateTime.class)).toInstant();
        assertThat(stored.getEpochSecond()).isNotEqualTo(checkinStart); // the upload hour, not the visit
    }

    @Test
    @Order(6)
    void retentionDeletesEverythingAfter14Days() throws Exception {
        clock.advance(Duration.ofDays(15));
        JsonNode r = json(send("POST", "/api/v1/admin/checkins/retention", null, Map.of("X-Api-Key", adminKey)), 200);
        assertThat(r.get("reports").asInt()).isEqualTo(2);
        assertThat(r.get("packages").asInt()).isEqualTo(2);
        assertThat(r.get("warnings").asInt()).isEqualTo(1);
        assertThat(r.get("manifests").asInt()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM checkin_manifest", Long.class)).isZero();
        assertThat(reports()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM checkin_package", Long.class)).isZero();
        assertThat(send("GET", "/api/v1/checkins/VN/index.txt", null, Map.of()).body()).isEmpty();
    }

    /**
     * A retried upload (same certificate, keys and check-ins: the phone never got the answer) gets exactly the first
     * answer, check-ins' results included, from what was kept with the certificate, and stores nothing twice. The
     * kept results are then replaced by hand (as an earlier rule set would have answered): the retry returns them,
     * so they are not recomputed.
     */
    @Test
    @Order(7)
    void aRetriedUploadGetsTheFirstAnswerWithItsCheckinResults() throws Exception {
        long start = clock.instant().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS).getEpochSecond();
        ProtectedReport r = ReportCipher.encrypt(desk, CheckinRecord.covering(start, start + 1800, 5, ""), RANDOM);
        Map<String, Object> bad = new HashMap<>(checkinJson(r));
        bad.put("mac", "AAAA");
        List<Map<String, Object>> sent = List.of(bad, checkinJson(r), checkinJson(r));
        Map<String, Object> body = uploadBody(DeviceKeys.dailyKeys(clock.instant(), 3), sent, sent);
        long before = reports();
        JsonNode first = json(send("POST", "/api/v1/diagnosis-keys", body, Map.of()), 200);
        assertThat(first.get("checkinResults").get(0).get("reason").asString()).isEqualTo("INVALID_MAC");
        assertThat(first.get("checkinResults").get(1).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(first.get("checkinResults").get(2).get("reason").asString()).isEqualTo("DUPLICATE_CHECKIN");
        assertThat(reports()).isEqualTo(before + 1);
        String tokenHash = CertificateSigner.tokenHash((String) body.get("certificate"));
        assertThat(jdbc.queryForObject("SELECT checkin_result FROM issued_certificate WHERE token_hash = ?",
                String.class, tokenHash)).isEqualTo("INVALID_MAC,,DUPLICATE_CHECKIN");

        // Another set of check-ins under the same certificate is no retry: its HMAC does not match.
        Map<String, Object> other = new HashMap<>(body);
        other.put("checkins", List.of(checkinJson(r)));
        assertThat(json(send("POST", "/api/v1/diagnosis-keys", other, Map.of()), 400).get("error").asString())
                .isEqualTo("CERTIFICATE_USED");
        // Hours later (the certificate has expired by then) the retry still gets the first answer.
        clock.advance(Duration.ofHours(5));
        JsonNode retry = json(send("POST", "/api/v1/diagnosis-keys", body, Map.of()), 200);
        assertThat(retry.get("insertedExposures")).isEqualTo(first.get("insertedExposures"));
        assertThat(retry.get("results")).isEqualTo(first.get("results"));
        assertThat(retry.get("checkinResults")).isEqualTo(first.get("checkinResults"));
        assertThat(reports()).isEqualTo(before + 1);

        jdbc.update("UPDATE issued_certificate SET checkin_result = ? WHERE token_hash = ?", "INVALID_IV,,", tokenHash);
        JsonNode kept = json(send("POST", "/api/v1/diagnosis-keys", body, Map.of()), 200).get("checkinResults");
        assertThat(kept.get(0).get("reason").asString()).isEqualTo("INVALID_IV");
        assertThat(kept.get(2).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(reports()).isEqualTo(before + 1);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
