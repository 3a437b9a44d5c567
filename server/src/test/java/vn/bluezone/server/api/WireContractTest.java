package vn.bluezone.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;
import vn.bluezone.api.ApiError;
import vn.bluezone.api.ApiPaths;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.api.KeyHmac;
import vn.bluezone.api.distribution.PublicKeys;
import vn.bluezone.api.distribution.HealthContact;
import vn.bluezone.api.distribution.SignedConfig;
import vn.bluezone.api.officer.ClockTime;
import vn.bluezone.api.officer.ExportRun;
import vn.bluezone.api.officer.IssuedCode;
import vn.bluezone.api.officer.NewCode;
import vn.bluezone.api.registry.DeviceRegistration;
import vn.bluezone.api.registry.Heartbeat;
import vn.bluezone.api.registry.HeartbeatResult;
import vn.bluezone.api.registry.RegisteredDevice;
import vn.bluezone.api.registry.Unit;
import vn.bluezone.api.submission.DiagnosisKey;
import vn.bluezone.api.submission.DiagnosisKeysRequest;
import vn.bluezone.api.submission.DiagnosisKeysResponse;
import vn.bluezone.api.submission.KeyResult;
import vn.bluezone.api.verification.CertificateRequest;
import vn.bluezone.api.verification.CertificateResponse;
import vn.bluezone.api.verification.VerifyRequest;
import vn.bluezone.api.verification.VerifyResponse;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.export.KeyExport;
import vn.bluezone.protocol.export.KeyExportReader;
import vn.bluezone.protocol.export.P256Keys;
import vn.bluezone.protocol.export.VerificationKey;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.ApiKeyService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.support.DeviceKeys;
import vn.bluezone.server.support.TestDatabase;

/**
 * The wire contract against the real server over HTTP: every request of the device API (and the officers' calls
 * the simulator and load generator make) is written from the api module's records, and every answer, error
 * answers included, is read back into the api records by a strict reader that fails on any field the contract
 * does not name. A server that renamed, added or dropped a field, or answered an error without
 * {@code {"error","message"}}, fails here before any client meets it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"bluezone.demo.enabled=false", "bluezone.keys.export.enabled=false",
                "bluezone.simulation-clock.enabled=true", "bluezone.keys.rate-limit.enabled=false"})
class WireContractTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Strict: a field outside the contract fails the read. */
    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
    }

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired ApiKeyService apiKeys;

    private HttpResponse<byte[]> send(String method, String path, Object body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(STRICT.writeValueAsBytes(body)));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> T answer(HttpResponse<byte[]> r, int status, Class<T> type) {
        assertThat(r.statusCode()).as(text(r)).isEqualTo(status);
        return STRICT.readValue(r.body(), type);
    }

    private <T> List<T> answerList(HttpResponse<byte[]> r, Class<T> element) {
        assertThat(r.statusCode()).as(text(r)).isEqualTo(200);
        JavaType type = STRICT.getTypeFactory().constructCollectionType(List.class, element);
        return STRICT.readValue(r.body(), type);
    }

    /** An error answer: its status, the contract's shape and a code of the enum. */
    private ApiError error(HttpResponse<byte[]> r, int status, ErrorCode expected) {
        assertThat(r.statusCode()).as(text(r)).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        ApiError e = STRICT.readValue(r.body(), ApiError.class);
        assertThat(e.code()).contains(expected);
        assertThat(e.message()).isNotBlank();
        return e;
    }

    private static String text(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @Test
    void everyDeviceRequestAndAnswerGoesThroughTheContractTypes() throws Exception {
        String officer = apiKeys.issue(accounts.create("test", "wire.officer", null, Role.HEALTH_OFFICER, null,
                "officer-password", false), null).key();
        String admin = apiKeys.issue(accounts.create("test", "wire.admin", null, Role.ADMIN, null,
                "admin-password-1", false), null).key();

        // Registry: the commune picker, registration, heartbeat.
        List<Unit> provinces = answerList(send("GET", ApiPaths.unitChildren("VN"), null), Unit.class);
        assertThat(provinces).isNotEmpty().allSatisfy(u -> assertThat(u.level()).isEqualTo("PROVINCE"));
        Unit hue = answer(send("GET", ApiPaths.unit("46"), null), 200, Unit.class);
        assertThat(hue.parentCode()).isEqualTo("VN");
        assertThat(answerList(send("GET", ApiPaths.UNITS + "?q=hue", null), Unit.class)).isNotEmpty();
        error(send("GET", ApiPaths.UNITS + "?q=h", null), 400, ErrorCode.QUERY_TOO_SHORT);
        error(send("GET", ApiPaths.unit("99999"), null), 404, ErrorCode.UNIT_NOT_FOUND);

        DeviceRegistration registration = new DeviceRegistration("android", "1.0.0", "Pixel 7", null, null, null,
                null, UUID.randomUUID().toString());
        RegisteredDevice first = answer(send("POST", ApiPaths.DEVICES, registration), 201, RegisteredDevice.class);
        assertThat(first.deviceId()).isNotBlank();
        assertThat(first.deviceSecret()).isNotBlank();
        assertThat(first.installCode()).hasSize(vn.bluezone.api.ApiLimits.INSTALL_CODE_LENGTH);
        assertThat(first.referralCode()).hasSize(vn.bluezone.api.ApiLimits.REFERRAL_CODE_LENGTH);
        // The same installation again (a retried registration) is the same device, not a second install.
        RegisteredDevice device = answer(send("POST", ApiPaths.DEVICES, registration), 200, RegisteredDevice.class);
        assertThat(device.deviceId()).isEqualTo(first.deviceId());
        error(send("POST", ApiPaths.DEVICES, new DeviceRegistration("symbian", "1.0.0", null, null, null, null, null)),
                400, ErrorCode.BAD_PLATFORM);
        HeartbeatResult beat = answer(send("POST", ApiPaths.heartbeat(device.deviceId()), new Heartbeat(true, "1.0.0"),
                "Authorization", "Bearer " + device.deviceSecret()), 200, HeartbeatResult.class);
        assertThat(beat.counted()).isTrue();
        assertThat(beat.day()).isNotNull();
        error(send("POST", ApiPaths.heartbeat(device.deviceId()), new Heartbeat(true, "1.0.0"),
                "Authorization", "Bearer wrong"), 401, ErrorCode.BAD_DEVICE_CREDENTIALS);

        // The simulation clock (officers' call used by the simulator).
        ClockTime start = answer(send("GET", ApiPaths.ADMIN_CLOCK, null, "X-Api-Key", admin), 200, ClockTime.class);
        error(send("PUT", ApiPaths.ADMIN_CLOCK, new ClockTime(start.now().minusSeconds(3600)), "X-Api-Key", admin),
                409, ErrorCode.CLOCK_BACKWARDS);
        ApiError noTime = error(send("PUT", ApiPaths.ADMIN_CLOCK, new ClockTime(null), "X-Api-Key", admin), 400,
                ErrorCode.VALIDATION_FAILED);
        assertThat(noTime.fields()).extracting(ApiError.FieldProblem::field).containsExactly("now");

        // Verification: officer's code → token → certificate.
        LocalDate today = LocalDate.ofInstant(start.now(), ZoneId.of("Asia/Ho_Chi_Minh"));
        IssuedCode code = answer(send("POST", ApiPaths.ADMIN_CODES,
                new NewCode(ReportType.CONFIRMED_TEST, today.minusDays(3), null, "46"), "X-Api-Key", officer),
                201, IssuedCode.class);
        assertThat(code.shortCode()).hasSize(vn.bluezone.api.ApiLimits.SHORT_CODE_LENGTH);
        assertThat(code.longCode()).hasSize(vn.bluezone.api.ApiLimits.LONG_CODE_LENGTH);
        assertThat(code.reportType()).isEqualTo(ReportType.CONFIRMED_TEST);
        error(send("POST", ApiPaths.ADMIN_CODES, new NewCode(null, today, null, null), "X-Api-Key", officer),
                400, ErrorCode.VALIDATION_FAILED);

        error(send("POST", ApiPaths.VERIFY, new VerifyRequest("00000000")), 400, ErrorCode.CODE_INVALID);
        ApiError blank = error(send("POST", ApiPaths.VERIFY, new VerifyRequest(" ")), 400, ErrorCode.VALIDATION_FAILED);
        assertThat(blank.fields()).containsExactly(new ApiError.FieldProblem("code", "must not be blank"));
        error(send("POST", ApiPaths.VERIFY, null), 400, ErrorCode.MISSING_BODY);
        VerifyResponse verified = answer(send("POST", ApiPaths.VERIFY, new VerifyRequest(code.shortCode())), 200,
                VerifyResponse.class);
        assertThat(verified.reportType()).isEqualTo(ReportType.CONFIRMED_TEST);
        assertThat(verified.symptomOnsetDate()).isEqualTo(today.minusDays(3));
        assertThat(verified.expiresAt()).isAfter(start.now());
        error(send("POST", ApiPaths.VERIFY, new VerifyRequest(code.shortCode())), 400, ErrorCode.CODE_USED);
        // The proof-of-work challenge and a verify that carries its solution (limiters are off here: only the shapes).
        vn.bluezone.api.verification.PowChallenge pow = answer(send("GET", ApiPaths.VERIFY_CHALLENGE, null), 200,
                vn.bluezone.api.verification.PowChallenge.class);
        assertThat(pow.difficulty()).isEqualTo(20);
        assertThat(pow.expiresAt()).isAfter(start.now());
        error(send("POST", ApiPaths.VERIFY, new VerifyRequest("00000001", pow.challenge(), 7L)), 400,
                ErrorCode.CODE_INVALID);

        List<DiagnosisKey> keys = new ArrayList<>();
        for (DeviceKeys.Key k : DeviceKeys.dailyKeys(start.now(), 14)) {
            keys.add(new DiagnosisKey(k.key(), k.rollingStartIntervalNumber(), k.rollingPeriod(), k.transmissionRisk()));
        }
        // One bad key, bound by the HMAC like the others: the upload stores the rest and says why not this one.
        keys.add(new DiagnosisKey(DeviceKeys.dailyKeys(start.now(), 1).get(0).key(),
                keys.get(0).rollingStartIntervalNumber(), 0, 3));
        byte[] hmacKey = DeviceKeys.hmacKey();
        error(send("POST", ApiPaths.CERTIFICATE, new CertificateRequest("no-such-token", KeyHmac.computeBase64(hmacKey, keys))), 400,
                ErrorCode.TOKEN_INVALID);
        CertificateResponse cert = answer(send("POST", ApiPaths.CERTIFICATE,
                new CertificateRequest(verified.token(), KeyHmac.computeBase64(hmacKey, keys))), 200,
                CertificateResponse.class);
        assertThat(cert.certificate()).isNotBlank();
        assertThat(cert.expiresAt()).isAfter(start.now());

        // Submission.
        DiagnosisKeysRequest upload = new DiagnosisKeysRequest(keys, cert.certificate(),
                Base64.getEncoder().encodeToString(hmacKey), Base64.getEncoder().encodeToString(new byte[300]));
        DiagnosisKeysResponse stored = answer(send("POST", ApiPaths.DIAGNOSIS_KEYS, upload), 200,
                DiagnosisKeysResponse.class);
        assertThat(stored.insertedExposures()).isEqualTo(14);
        assertThat(stored.results()).hasSize(15);
        assertThat(stored.results().subList(0, 14)).allMatch(KeyResult::wasAccepted);
        assertThat(stored.results().get(14).reasonCode()).contains(ErrorCode.INVALID_ROLLING_PERIOD);
        assertThat(stored.padding()).isNotEmpty();
        // A retry (the answer was lost) gets the same answer; the certificate with other keys is refused.
        DiagnosisKeysResponse again = answer(send("POST", ApiPaths.DIAGNOSIS_KEYS, upload), 200,
                DiagnosisKeysResponse.class);
        assertThat(again.insertedExposures()).isEqualTo(14);
        assertThat(again.results()).isEqualTo(stored.results());
        error(send("POST", ApiPaths.DIAGNOSIS_KEYS, new DiagnosisKeysRequest(keys.subList(0, 14), cert.certificate(),
                upload.hmacKey(), upload.padding())), 400, ErrorCode.CERTIFICATE_USED);
        error(send("POST", ApiPaths.DIAGNOSIS_KEYS, new DiagnosisKeysRequest(List.of(), "x", "AAAA", null)), 400,
                ErrorCode.NO_KEYS);
        DiagnosisKeysResponse chaff = answer(send("POST", ApiPaths.DIAGNOSIS_KEYS, upload, ApiPaths.CHAFF_HEADER, "1"),
                200, DiagnosisKeysResponse.class);
        assertThat(chaff.insertedExposures()).isEqualTo(15);
        assertThat(chaff.results()).allMatch(KeyResult::wasAccepted);

        // Distribution: a day later the keys are published; index, file, key and configuration.
        Instant later = start.now().plus(Duration.ofHours(27));
        assertThat(answer(send("PUT", ApiPaths.ADMIN_CLOCK, new ClockTime(later), "X-Api-Key", admin), 200,
                ClockTime.class).now()).isEqualTo(later);
        ExportRun run = answer(send("POST", ApiPaths.ADMIN_EXPORTS_RUN, null, "X-Api-Key", admin), 200,
                ExportRun.class);
        assertThat(run.ran()).isTrue();
        assertThat(run.files()).isPositive();
        assertThat(run.regions()).contains("VN", "46");

        PublicKeys published = answer(send("GET", ApiPaths.EXPORT_PUBLIC_KEY, null), 200, PublicKeys.class);
        assertThat(published.keys()).isNotEmpty();
        VerificationKey key = new VerificationKey(P256Keys.readPublicKey(published.publicKey()), published.keyId(),
                published.keyVersion());
        HttpResponse<byte[]> index = send("GET", ApiPaths.exportIndex("VN"), null);
        assertThat(index.statusCode()).isEqualTo(200);
        List<String> files = text(index).lines().filter(l -> !l.isBlank()).toList();
        assertThat(files).isNotEmpty();
        HttpResponse<byte[]> zip = send("GET", ApiPaths.exportFile("VN", files.get(0)), null);
        assertThat(zip.statusCode()).isEqualTo(200);
        KeyExport export = KeyExportReader.verifyingWith(key).read(zip.body());
        assertThat(export.verified()).isTrue();
        assertThat(send("GET", ApiPaths.exportDailyIndex("VN"), null).statusCode()).isEqualTo(200);
        error(send("GET", ApiPaths.exportIndex("XX"), null), 400, ErrorCode.INVALID_REGION);
        error(send("GET", ApiPaths.exportFile("VN", "hour-0-0-00000"), null), 404, ErrorCode.EXPORT_NOT_FOUND);

        SignedConfig config = answer(send("GET", ApiPaths.CONFIG, null), 200, SignedConfig.class);
        assertThat(STRICT.readTree(config.configuration()).properties().stream().map(Map.Entry::getKey).toList())
                .containsExactly("version", "risk", "scanning", "minimumAppVersion", "checkins", HealthContact.MEMBER);
        // The health member binds strictly to the api record (a field it does not name fails here).
        assertThat(STRICT.treeToValue(STRICT.readTree(config.configuration()).get(HealthContact.MEMBER),
                HealthContact.class)).isEqualTo(new HealthContact("1900 9095"));
        assertThat(config.signature()).isNotBlank();
        assertThat(config.keyId()).isEqualTo(published.keyId());

        // The install page a poster points to is HTML, also for an unknown place.
        HttpResponse<byte[]> page = send("GET", ApiPaths.installPage("NO-SUCH-PLACE"), null, "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");

        // The framework's own refusals carry contract codes too.
        error(send("GET", ApiPaths.V1 + "/no-such-endpoint", null), 404, ErrorCode.NOT_FOUND);
        error(send("DELETE", ApiPaths.VERIFY, null), 405, ErrorCode.METHOD_NOT_ALLOWED);
    }
}
