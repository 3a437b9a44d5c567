package vn.bluezone.server.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.ApiKeyService;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.audit.AuditLog;
import vn.bluezone.server.support.DeviceKeys;
import vn.bluezone.server.support.MutableClock;

/**
 * Verification and submission through the HTTP API, run on H2 and on PostgreSQL by the subclasses.
 * Each verify call comes from its own client address so that only the limiter test meets the limiter.
 */
abstract class KeyServerFlowTests {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger ADDRESS = new AtomicInteger(1);

    @Autowired MockMvc mvc;
    @Autowired AccountService accounts;
    @Autowired ApiKeyService apiKeys;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;
    @Autowired AuditLog audit;
    @Autowired org.springframework.context.ApplicationContext context;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

    String officerKey;      // health officer of Hà Nội (01)
    String nationalKey;     // health officer without area

    @BeforeEach
    void officers() {
        officerKey = apiKeys.issue(officer("hn" + ADDRESS.incrementAndGet(), "01"), "test").key();
        nationalKey = apiKeys.issue(officer("vn" + ADDRESS.incrementAndGet(), null), "test").key();
    }

    private Official officer(String name, String area) {
        return accounts.create("test", name, null, Role.HEALTH_OFFICER, area, "officer-password", false);
    }

    /**
     * Two services whose random generators are seeded alike draw the same 8 digits: the second issue hits the
     * unique key and must draw again inside the same transaction. On PostgreSQL this needs the savepoint (the
     * failed insert aborted the transaction before; the benchmark's 6,000 codes met it as a 500).
     */
    @Test
    void codeCollisionDrawsAgainInTheSameTransaction() throws Exception {
        Official officer = accounts.create("test", "coll" + ADDRESS.incrementAndGet(), null, Role.HEALTH_OFFICER,
                "01", "officer-password", false);
        var req = new vn.bluezone.server.keys.verification.VerificationService.IssueRequest(ReportType.CONFIRMED_TEST,
                today().minusDays(2), null, null);
        var first = seededService().issue(officer, req);
        var tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        var second = tx.execute(s -> {
            var code = seededService().issue(officer, req);
            // the transaction is still usable after the collision
            jdbc.queryForObject("SELECT COUNT(*) FROM verification_code", Long.class);
            return code;
        });
        assertThat(second.shortCode()).isNotEqualTo(first.shortCode());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM verification_code WHERE public_id IN (?, ?)", Long.class,
                first.id(), second.id())).isEqualTo(2L);
        String token = JSON.readTree(mvc.perform(post("/api/v1/verify").with(r -> {
                    r.setRemoteAddr("10.9.0." + ADDRESS.incrementAndGet() % 250);
                    return r;
                }).contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"" + second.shortCode() + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).get("token").asText();
        assertThat(token).isNotBlank();
    }

    private vn.bluezone.server.keys.verification.VerificationService seededService() {
        java.security.SecureRandom same;
        try {
            same = java.security.SecureRandom.getInstance("SHA1PRNG");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        same.setSeed(42L); // before first use: SHA1PRNG then gives the same sequence every time
        return new vn.bluezone.server.keys.verification.VerificationService(
                context.getBean(vn.bluezone.server.keys.verification.CodeStore.class),
                context.getBean(vn.bluezone.server.keys.verification.CertificateStore.class), context.getBean(KeySecrets.class),
                context.getBean(KeysProperties.class), same, clock, audit,
                context.getBean(vn.bluezone.server.accounts.AreaScope.class),
                context.getBean(vn.bluezone.server.keys.verification.CertificateSigner.class),
                context.getBean(vn.bluezone.server.db.Savepoints.class),
                context.getBean(vn.bluezone.server.TimeZoneProperties.class));
    }

    // ---- helpers: what an officer and a phone do ----

    JsonNode issueCode(String apiKey, Map<String, Object> body) throws Exception {
        String r = mvc.perform(post("/api/v1/admin/codes").header("X-Api-Key", apiKey)
                        .contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(r);
    }

    JsonNode issueCode(ReportType type) throws Exception {
        return issueCode(officerKey, Map.of("reportType", type.name(), "symptomDate", today().minusDays(3).toString()));
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
    }

    ResultActions verify(String code) throws Exception {
        return verifyFrom(code, "10.1." + (ADDRESS.incrementAndGet() % 250) + "." + (ADDRESS.get() / 250 % 250));
    }

    ResultActions verifyFrom(String code, String address) throws Exception {
        return mvc.perform(post("/api/v1/verify").with(r -> {
            r.setRemoteAddr(address);
            return r;
        }).contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(Map.of("code", code))));
    }

    ResultActions certificate(String token, String hmac) throws Exception {
        return mvc.perform(post("/api/v1/certificate").with(r -> {
            r.setRemoteAddr("10.2.0." + (ADDRESS.incrementAndGet() % 250));
            return r;
        }).contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(Map.of("token", token, "ekeyhmac", hmac))));
    }

    ResultActions submit(List<DeviceKeys.Key> keys, String certificate, byte[] hmacKey, boolean chaff) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("temporaryExposureKeys", DeviceKeys.json(keys));
        body.put("certificate", certificate);
        body.put("hmacKey", java.util.Base64.getEncoder().encodeToString(hmacKey));
        body.put("padding", DeviceKeys.randomKey());
        var req = post("/api/v1/diagnosis-keys").contentType(MediaType.APPLICATION_JSON).content(JSON.writeValueAsString(body));
        if (chaff) {
            req = req.header("X-Chaff", "1");
        }
        return mvc.perform(req);
    }

    String tokenFor(String code) throws Exception {
        return JSON.readTree(verify(code).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .get("token").asString();
    }

    String certificateFor(List<DeviceKeys.Key> keys, byte[] hmacKey, ReportType type) throws Exception {
        String token = tokenFor(issueCode(type).get("shortCode").asString());
        String r = certificate(token, DeviceKeys.hmac(hmacKey, keys)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JSON.readTree(r).get("certificate").asString();
    }

    long storedKeys() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM diagnosis_key", Long.class);
    }

    // ---- tests ----

    /**
     * Uploads arriving together are committed in shared transactions (GroupCommit): each is stored exactly once,
     * and a certificate sent twice at the same moment (a phone's retry) is redeemed once; the other copy gets the
     * same answer (issue 15 §5: idempotent retries) without storing anything twice or failing its group.
     */
    @Test
    void concurrentUploadsAreEachStoredOnceAndARetryGetsTheSameAnswer() throws Exception {
        int n = 8;
        List<List<DeviceKeys.Key>> keySets = new ArrayList<>();
        List<byte[]> hmacKeys = new ArrayList<>();
        List<String> certs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keySets.add(DeviceKeys.dailyKeys(clock.instant(), 14));
            hmacKeys.add(DeviceKeys.hmacKey());
            certs.add(certificateFor(keySets.get(i), hmacKeys.get(i), ReportType.CONFIRMED_TEST));
        }
        long before = storedKeys();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(n + 1);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i <= n; i++) {
                int k = i == n ? 0 : i; // the last request replays the first upload
                answers.add(pool.submit(() -> {
                    start.await();
                    var r = submit(keySets.get(k), certs.get(k), hmacKeys.get(k), false).andReturn().getResponse();
                    return r.getStatus() + " " + r.getContentAsString();
                }));
            }
            start.countDown();
            int ok = 0;
            int used = 0;
            for (var a : answers) {
                String r = a.get(60, java.util.concurrent.TimeUnit.SECONDS);
                if (r.startsWith("200 ")) {
                    assertThat(JSON.readTree(r.substring(4)).get("insertedExposures").asInt()).isEqualTo(14);
                    ok++;
                } else {
                    used++;
                }
            }
            assertThat(ok).isEqualTo(n + 1);
            assertThat(used).isZero();
        } finally {
            pool.shutdownNow();
        }
        assertThat(storedKeys() - before).isEqualTo(14L * n);
    }

    @Test
    void codeTokenCertificateUploadStoresFourteenKeys() throws Exception {
        JsonNode code = issueCode(officerKey, Map.of("reportType", "CONFIRMED_TEST",
                "symptomDate", today().minusDays(4).toString(), "testDate", today().minusDays(1).toString()));
        assertThat(code.get("shortCode").asString()).matches("\\d{8}");
        assertThat(code.get("longCode").asString()).matches("[A-Z2-9]{16}").doesNotContainPattern("[01OILU]");
        assertThat(code.get("region").asString()).isEqualTo("01");
        // Codes are stored only as keyed hashes.
        assertThat(jdbc.queryForList("SELECT short_code_hash, long_code_hash FROM verification_code").toString())
                .doesNotContain(code.get("shortCode").asString()).doesNotContain(code.get("longCode").asString());

        verify(code.get("shortCode").asString()).andExpect(status().isOk())
                .andExpect(jsonPath("$.reportType").value("CONFIRMED_TEST"))
                .andExpect(jsonPath("$.symptomOnsetDate").value(today().minusDays(4).toString()));
        List<DeviceKeys.Key> keys = DeviceKeys.dailyKeys(clock.instant(), 14);
        byte[] hmacKey = DeviceKeys.hmacKey();
        String cert = certificateFor(keys, hmacKey, ReportType.CONFIRMED_TEST);
        long before = storedKeys();
        submit(keys, cert, hmacKey, false).andExpect(status().isOk())
                .andExpect(jsonPath("$.insertedExposures").value(14))
                .andExpect(jsonPath("$.results[13].status").value("ACCEPTED"))
                .andExpect(jsonPath("$.padding").isString())
                .andExpect(header().string("Cache-Control", "no-store"));
        assertThat(storedKeys() - before).isEqualTo(14);
        // Creation times are truncated to the hour; rows carry region and report type from the certificate.
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT created_at, region, report_type, days_since_onset FROM diagnosis_key ORDER BY id DESC LIMIT 14");
        for (Map<String, Object> r : rows) {
            OffsetDateTime created = jdbc.queryForObject("SELECT created_at FROM diagnosis_key WHERE id = (SELECT MAX(id) FROM diagnosis_key)", OffsetDateTime.class);
            assertThat(created.getMinute()).isZero();
            assertThat(created.getSecond()).isZero();
            assertThat(r.get("region")).isEqualTo("01");
            assertThat(((Number) r.get("report_type")).intValue()).isEqualTo(ReportType.CONFIRMED_TEST.code());
        }
        // A retry (same certificate, same keys: the phone never saw the answer) gets the same answer and stores
        // nothing; the same certificate with other keys is refused.
        submit(keys, cert, hmacKey, false).andExpect(status().isOk())
                .andExpect(jsonPath("$.insertedExposures").value(14))
                .andExpect(jsonPath("$.results[13].status").value("ACCEPTED"));
        assertThat(storedKeys() - before).isEqualTo(14);
        List<DeviceKeys.Key> others = DeviceKeys.dailyKeys(clock.instant(), 14);
        submit(others, cert, hmacKey, false).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("CERTIFICATE_USED"));
        assertThat(audit.recent("code.issue", 100)).isNotEmpty();
    }

    @Test
    void wrongUsedAndExpiredCodesHaveDistinctErrors() throws Exception {
        verify("00000000").andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("CODE_INVALID"));
        verify("not a code").andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("CODE_INVALID"));
        JsonNode code = issueCode(ReportType.CONFIRMED_TEST);
        verify(code.get("shortCode").asString()).andExpect(status().isOk());
        verify(code.get("shortCode").asString()).andExpect(jsonPath("$.error").value("CODE_USED"));
        verify(code.get("longCode").asString()).andExpect(jsonPath("$.error").value("CODE_USED"));

        JsonNode late = issueCode(ReportType.CONFIRMED_CLINICAL_DIAGNOSIS);
        clock.advance(Duration.ofMinutes(16));
        verify(late.get("shortCode").asString()).andExpect(jsonPath("$.error").value("CODE_EXPIRED"));
        // The long (SMS) code lives 24 hours; dashes and lower case are forgiven.
        String longCode = late.get("longCode").asString().toLowerCase();
        verify(longCode.substring(0, 8) + "-" + longCode.substring(8)).andExpect(status().isOk())
                .andExpect(jsonPath("$.reportType").value("CONFIRMED_CLINICAL_DIAGNOSIS"));

        JsonNode expiredByOfficer = issueCode(ReportType.CONFIRMED_TEST);
        String id = expiredByOfficer.get("id").asString();
        mvc.perform(post("/api/v1/admin/codes/" + id + "/expire").header("X-Api-Key", officerKey))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("EXPIRED"));
        verify(expiredByOfficer.get("shortCode").asString()).andExpect(jsonPath("$.error").value("CODE_EXPIRED"));
        mvc.perform(get("/api/v1/admin/codes/" + code.get("id").asString()).header("X-Api-Key", officerKey))
                .andExpect(jsonPath("$.status").value("CLAIMED"));
        // Another province's officer does not see the code.
        mvc.perform(get("/api/v1/admin/codes/" + id).header("X-Api-Key",
                apiKeys.issue(accounts.create("test", "hcm" + ADDRESS.incrementAndGet(), null, Role.HEALTH_OFFICER, "79",
                        "officer-password", false), null).key()))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.error").value("CODE_NOT_FOUND"));
    }

    @Test
    void tokensAndCertificatesAreSingleUseAndExpire() throws Exception {
        List<DeviceKeys.Key> keys = DeviceKeys.dailyKeys(clock.instant(), 3);
        byte[] hmacKey = DeviceKeys.hmacKey();
        String token = tokenFor(issueCode(ReportType.CONFIRMED_TEST).get("shortCode").asString());
        certificate(token, "short").andExpect(jsonPath("$.error").value("INVALID_EKEYHMAC"));
        certificate("no-such-token", DeviceKeys.hmac(hmacKey, keys)).andExpect(jsonPath("$.error").value("TOKEN_INVALID"));
        certificate(token, DeviceKeys.hmac(hmacKey, keys)).andExpect(status().isOk())
                .andExpect(jsonPath("$.certificate").isString());
        certificate(token, DeviceKeys.hmac(hmacKey, keys)).andExpect(jsonPath("$.error").value("TOKEN_USED"));

        String token2 = tokenFor(issueCode(ReportType.CONFIRMED_TEST).get("shortCode").asString());
        clock.advance(Duration.ofHours(25));
        certificate(token2, DeviceKeys.hmac(hmacKey, keys)).andExpect(jsonPath("$.error").value("TOKEN_EXPIRED"));

        keys = DeviceKeys.dailyKeys(clock.instant(), 3);
        String cert = certificateFor(keys, hmacKey, ReportType.CONFIRMED_TEST);
        clock.advance(Duration.ofMinutes(16));
        submit(keys, cert, hmacKey, false).andExpect(jsonPath("$.error").value("CERTIFICATE_EXPIRED"));

        String cert2 = certificateFor(keys, hmacKey, ReportType.CONFIRMED_TEST);
        String[] parts = cert2.split("\\.");
        String forged = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        submit(keys, forged, hmacKey, false).andExpect(jsonPath("$.error").value("CERTIFICATE_INVALID"));
        submit(keys, "garbage", hmacKey, false).andExpect(jsonPath("$.error").value("CERTIFICATE_INVALID"));
        // A key changed after the certificate was issued breaks the HMAC; nothing is stored.
        List<DeviceKeys.Key> changed = new ArrayList<>(keys);
        changed.set(0, new DeviceKeys.Key(DeviceKeys.randomKey(), keys.get(0).rollingStartIntervalNumber(), 144, 3));
        long before = storedKeys();
        submit(changed, cert2, hmacKey, false).andExpect(jsonPath("$.error").value("HMAC_MISMATCH"));
        submit(keys, cert2, DeviceKeys.hmacKey(), false).andExpect(jsonPath("$.error").value("HMAC_MISMATCH"));
        assertThat(storedKeys()).isEqualTo(before);
        submit(keys, cert2, hmacKey, false).andExpect(jsonPath("$.insertedExposures").value(3));

        // A valid certificate without the server's issue record (another verification server sharing the key)
        // is checked by its signature, then recorded: still single use.
        List<DeviceKeys.Key> other = DeviceKeys.dailyKeys(clock.instant(), 2);
        String cert3 = certificateFor(other, hmacKey, ReportType.CONFIRMED_TEST);
        jdbc.update("DELETE FROM issued_certificate WHERE used_at IS NULL");
        submit(other, cert3, hmacKey, false).andExpect(jsonPath("$.insertedExposures").value(2));
        submit(other, cert3, hmacKey, false).andExpect(jsonPath("$.insertedExposures").value(2)); // a retry
        submit(DeviceKeys.dailyKeys(clock.instant(), 2), cert3, hmacKey, false)
                .andExpect(jsonPath("$.error").value("CERTIFICATE_USED"));
    }

    @Test
    void partlyBadUploadStoresTheGoodKeysWithPerKeyReasons() throws Exception {
        long now = EnIntervalNumber.of(clock.instant());
        int today = (int) EnIntervalNumber.dayStart(now);
        List<DeviceKeys.Key> keys = new ArrayList<>(List.of(
                new DeviceKeys.Key(DeviceKeys.randomKey(), today - 144, 144, 2),           // 0 good
                new DeviceKeys.Key(DeviceKeys.randomKey(), today - 15 * 144, 144, 2),      // 1 too old
                new DeviceKeys.Key(DeviceKeys.randomKey(), today + 144, 144, 2),           // 2 future
                new DeviceKeys.Key("AAAA", today - 2 * 144, 144, 2),                       // 3 not 16 bytes
                new DeviceKeys.Key(DeviceKeys.randomKey(), today - 2 * 144, 0, 2),         // 4 period 0
                new DeviceKeys.Key(DeviceKeys.randomKey(), today - 2 * 144, 145, 2),       // 5 period 145
                new DeviceKeys.Key(DeviceKeys.randomKey(), today - 3 * 144, 144, 9),       // 6 risk 9
                new DeviceKeys.Key(DeviceKeys.randomKey(), today - 4 * 144, 48, 1),        // 7 good (4th day: 3 keys)
                new DeviceKeys.Key(DeviceKeys.randomKey(), today - 4 * 144, 48, 1),        // 8 good
                new DeviceKeys.Key(DeviceKeys.randomKey(), today - 4 * 144, 48, 1),        // 9 good
                new DeviceKeys.Key(DeviceKeys.randomKey(), today - 4 * 144, 48, 1),        // 10 4th for that start
                new DeviceKeys.Key(DeviceKeys.randomKey(), today, 144, 2)));               // 11 today's key: held
        keys.add(new DeviceKeys.Key(keys.get(0).key(), today - 5 * 144, 144, 2));       // 12 duplicate key bytes
        byte[] hmacKey = DeviceKeys.hmacKey();
        String cert = certificateFor(keys, hmacKey, ReportType.CONFIRMED_TEST);
        long before = storedKeys();
        String body = submit(keys, cert, hmacKey, false).andExpect(status().isOk())
                .andExpect(jsonPath("$.insertedExposures").value(5)).andReturn().getResponse().getContentAsString();
        JsonNode results = JSON.readTree(body).get("results");
        String[] expected = {null, "KEY_TOO_OLD", "ROLLING_START_IN_FUTURE", "INVALID_KEY", "INVALID_ROLLING_PERIOD",
                "INVALID_ROLLING_PERIOD", "INVALID_TRANSMISSION_RISK", null, null, null, "TOO_MANY_KEYS_FOR_INTERVAL",
                null, "DUPLICATE_KEY"};
        for (int i = 0; i < expected.length; i++) {
            JsonNode r = results.get(i);
            assertThat(r.get("index").asInt()).isEqualTo(i);
            if (expected[i] == null) {
                assertThat(r.get("status").asString()).as("key %d", i).isEqualTo("ACCEPTED");
            } else {
                assertThat(r.get("status").asString()).as("key %d", i).isEqualTo("REJECTED");
                assertThat(r.get("reason").asString()).as("key %d", i).isEqualTo(expected[i]);
            }
        }
        assertThat(storedKeys() - before).isEqualTo(5);
        // A retry a day later (the phone never got the answer) gets the very same per-key answer, not one computed
        // anew (by then key 11 would no longer be "today's"), and stores nothing.
        clock.advance(Duration.ofHours(20));
        String again = submit(keys, cert, hmacKey, false).andExpect(status().isOk())
                .andExpect(jsonPath("$.insertedExposures").value(5)).andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(again).get("results")).isEqualTo(results);
        assertThat(storedKeys() - before).isEqualTo(5);
        clock.advance(Duration.ofHours(-20));
        // Today's key is held until its period ended plus the embargo.
        OffsetDateTime available = jdbc.queryForObject("SELECT available_at FROM diagnosis_key WHERE rolling_start = ? "
                + "AND key_data = ?", OffsetDateTime.class, today, java.util.Base64.getDecoder().decode(keys.get(11).key()));
        assertThat(available.toInstant()).isAfterOrEqualTo(EnIntervalNumber.toInstant(today + 144L).plus(Duration.ofHours(2)));
    }

    @Test
    void chaffIsAnsweredLikeARealUploadAndStoresNothing() throws Exception {
        List<DeviceKeys.Key> keys = DeviceKeys.dailyKeys(clock.instant(), 14);
        long before = storedKeys();
        long certsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM issued_certificate WHERE used_at IS NOT NULL", Long.class);
        String body = submit(keys, "chaff-certificate", DeviceKeys.hmacKey(), true).andExpect(status().isOk())
                .andExpect(jsonPath("$.insertedExposures").value(14))
                .andExpect(jsonPath("$.results.length()").value(14))
                .andExpect(jsonPath("$.results[0].status").value("ACCEPTED"))
                .andExpect(jsonPath("$.padding").isString())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(body).properties().stream().map(Map.Entry::getKey).toList())
                .containsExactly("insertedExposures", "results", "padding");
        assertThat(storedKeys()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM issued_certificate WHERE used_at IS NOT NULL", Long.class)).isEqualTo(certsBefore);
        // The size the chaff responder learns from a real answer is the size the phone's observer sees.
        byte[] hmacKey = DeviceKeys.hmacKey();
        String real = submit(keys, certificateFor(keys, hmacKey, ReportType.CONFIRMED_TEST), hmacKey, false)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        var parsed = JSON.readValue(real, vn.bluezone.api.submission.DiagnosisKeysResponse.class);
        assertThat(real.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isEqualTo(vn.bluezone.server.keys.submission.ChaffResponder.unpaddedSize(parsed)
                        + parsed.padding().length());
    }

    @Test
    void recursiveReportsAreStoredAsRecursive() throws Exception {
        List<DeviceKeys.Key> keys = DeviceKeys.dailyKeys(clock.instant(), 5);
        byte[] hmacKey = DeviceKeys.hmacKey();
        String cert = certificateFor(keys, hmacKey, ReportType.RECURSIVE);
        submit(keys, cert, hmacKey, false).andExpect(jsonPath("$.insertedExposures").value(5));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM diagnosis_key WHERE report_type = ? AND key_data = ?",
                Long.class, ReportType.RECURSIVE.code(), java.util.Base64.getDecoder().decode(keys.get(0).key()))).isEqualTo(1);
    }

    @Test
    void officersAreCheckedForRoleScopeAndDates() throws Exception {
        String body79 = JSON.writeValueAsString(Map.of("reportType", "CONFIRMED_TEST", "testDate", today().toString(), "region", "79"));
        mvc.perform(post("/api/v1/admin/codes").header("X-Api-Key", officerKey).contentType(MediaType.APPLICATION_JSON)
                .content(body79)).andExpect(status().isForbidden()).andExpect(jsonPath("$.error").value("OUT_OF_SCOPE"));
        assertThat(issueCode(nationalKey, Map.of("reportType", "CONFIRMED_TEST", "testDate", today().toString(),
                "region", "79")).get("region").asString()).isEqualTo("79");
        for (var c : List.of(Map.of("reportType", "CONFIRMED_TEST", "testDate", today().minusDays(29).toString()),
                Map.of("reportType", "CONFIRMED_TEST", "symptomDate", today().plusDays(1).toString()),
                Map.of("reportType", "CONFIRMED_TEST"),
                Map.of("reportType", "SELF_REPORT", "testDate", today().toString()))) {
            String expected = c.containsKey("testDate") && c.get("reportType").equals("CONFIRMED_TEST") ? "DATE_TOO_OLD"
                    : c.containsKey("symptomDate") ? "DATE_IN_FUTURE" : c.get("reportType").equals("SELF_REPORT")
                    ? "INVALID_REPORT_TYPE" : "DATE_REQUIRED";
            // The refused property, as the request names it: the date that is wrong, the type, else the first date.
            String field = expected.equals("INVALID_REPORT_TYPE") ? "reportType"
                    : c.containsKey("testDate") ? "testDate" : "symptomDate";
            mvc.perform(post("/api/v1/admin/codes").header("X-Api-Key", officerKey).contentType(MediaType.APPLICATION_JSON)
                    .content(JSON.writeValueAsString(c))).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value(expected)).andExpect(jsonPath("$.fields[0].field").value(field));
        }
        mvc.perform(post("/api/v1/admin/codes").header("X-Api-Key", officerKey).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reportType\":\"CONFIRMED_TEST\",\"testDate\":\"yesterday\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("INVALID_FIELD"));
        String commune = apiKeys.issue(accounts.create("test", "xa" + ADDRESS.incrementAndGet(), null, Role.COMMUNE,
                "00004", "officer-password", false), null).key();
        mvc.perform(post("/api/v1/admin/codes").header("X-Api-Key", commune).contentType(MediaType.APPLICATION_JSON)
                .content(body79)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/admin/codes").contentType(MediaType.APPLICATION_JSON).content(body79))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void deviceEndpointsAnswerBadInputWithJson400() throws Exception {
        mvc.perform(post("/api/v1/diagnosis-keys").contentType(MediaType.APPLICATION_JSON).content("{\"temporaryExposureKeys\": ["))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("MALFORMED_JSON"));
        mvc.perform(post("/api/v1/diagnosis-keys").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"temporaryExposureKeys\": [{\"key\":\"x\",\"rollingPeriod\":\"long\"}]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("INVALID_FIELD"));
        mvc.perform(post("/api/v1/diagnosis-keys").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("NO_KEYS"));
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            many.add(Map.of("key", DeviceKeys.randomKey(), "rollingStartIntervalNumber", 1, "rollingPeriod", 144));
        }
        mvc.perform(post("/api/v1/diagnosis-keys").contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("temporaryExposureKeys", many, "certificate", "x",
                                "hmacKey", "AAAAAAAAAAAAAAAAAAAAAA=="))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("TOO_MANY_KEYS"));
        mvc.perform(post("/api/v1/diagnosis-keys").contentType(MediaType.APPLICATION_JSON)
                        .content(JSON.writeValueAsString(Map.of("temporaryExposureKeys", many.subList(0, 2), "certificate", "x",
                                "hmacKey", "nope"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("INVALID_HMAC_KEY"));
        mvc.perform(post("/api/v1/verify").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("VALIDATION_FAILED"));
        mvc.perform(post("/api/v1/verify").contentType(MediaType.TEXT_PLAIN).content("12345678"))
                .andExpect(status().isUnsupportedMediaType());
        mvc.perform(get("/api/v1/verify")).andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.error").value("METHOD_NOT_ALLOWED"));
    }

    @Test
    void consolePageIssuesAndExpiresCodes() throws Exception {
        String name = "console" + ADDRESS.incrementAndGet();
        accounts.create("test", name, "Trạm Y tế", Role.HEALTH_OFFICER, "01", "officer-password", false);
        var session = (org.springframework.mock.web.MockHttpSession) mvc.perform(
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin("/login")
                        .user(name).password("officer-password")).andReturn().getRequest().getSession(false);
        var csrf = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
        String page = mvc.perform(post("/console/codes").session(session).with(csrf)
                        .param("reportType", "CONFIRMED_TEST").param("testDate", today().toString()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("id=\"short-code\">(\\d{8})<").matcher(page);
        assertThat(m.find()).as(page).isTrue();
        String id = jdbc.queryForObject("SELECT public_id FROM verification_code WHERE issued_by = ?", String.class, name);
        assertThat(page).contains("Chưa dùng").doesNotContain("UNCLAIMED");
        mvc.perform(post("/console/codes/" + id + "/expire").session(session).with(csrf))
                .andExpect(status().is3xxRedirection());
        verify(m.group(1)).andExpect(jsonPath("$.error").value("CODE_EXPIRED"));
        mvc.perform(post("/console/codes").session(session).param("reportType", "CONFIRMED_TEST"))
                .andExpect(status().isForbidden()); // no CSRF token
        // A test date too far back is refused next to the test date (the refusal names it), not the symptom date.
        String old = mvc.perform(post("/console/codes").session(session).with(csrf)
                        .param("reportType", "CONFIRMED_TEST").param("testDate", today().minusDays(29).toString()))
                .andExpect(status().isBadRequest()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(old).containsPattern("id=\"error-testDate\"[^>]*>[^<]+<").doesNotContain("id=\"error-symptomDate\"")
                .doesNotContain("id=\"field-form\"");
        mvc.perform(get("/console/codes").session(session)).andExpect(status().isOk());
    }

    @Test
    void limiterStopsAGuessingLoop() throws Exception {
        String attacker = "203.0.113.77";
        JsonNode real = issueCode(ReportType.CONFIRMED_TEST);
        int refused = 0;
        int wrong = 0;
        for (int guess = 0; guess < 50; guess++) {
            String body = verifyFrom(String.format("%08d", guess), attacker).andReturn().getResponse().getContentAsString();
            String error = JSON.readTree(body).path("error").asString();
            if (error.equals("RATE_LIMITED")) {
                refused++;
            } else if (error.equals("CODE_INVALID")) {
                wrong++;
            }
        }
        assertThat(wrong).isEqualTo(10);   // the burst
        assertThat(refused).isEqualTo(40); // the rest of the loop is refused, not checked
        // Even the right code is refused for the attacker's address now...
        verifyFrom(real.get("shortCode").asString(), attacker).andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After")).andExpect(jsonPath("$.error").value("RATE_LIMITED"));
        // ...but not for others, and after the refill the address may try again.
        clock.advance(Duration.ofMinutes(2));
        verifyFrom(real.get("shortCode").asString(), attacker).andExpect(status().isOk());
    }
}
