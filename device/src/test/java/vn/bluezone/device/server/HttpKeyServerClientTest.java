package vn.bluezone.device.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;

/**
 * The client against canned answers on a loopback server: it reads the contract's shapes and nothing else. An
 * answer without what it needs is {@code bad_response}, never success; error codes come through as sent, known
 * or not.
 */
class HttpKeyServerClientTest {
    private HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, String> received = new ConcurrentHashMap<>();
    private HttpKeyServerClient client;

    record Answer(int status, String type, String body) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            received.put(path, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Answer a = answers.getOrDefault(path, new Answer(404, "application/json",
                    "{\"error\":\"NOT_FOUND\",\"message\":\"no such resource\"}"));
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", a.type());
            exchange.sendResponseHeaders(a.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        client = new HttpKeyServerClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(String path, int status, String json) {
        answers.put(path, new Answer(status, "application/json", json));
    }

    @Test
    void readsTheContractsAnswers() throws Exception {
        answer("/api/v1/verify", 200, "{\"token\":\"t1\",\"reportType\":\"RECURSIVE\",\"testDate\":\"2026-11-30\","
                + "\"expiresAt\":\"2026-12-03T00:00:00Z\",\"newerField\":1}");
        VerifiedCode v = client.verify("12345678");
        assertEquals("t1", v.token());
        assertEquals(ReportType.RECURSIVE, v.reportType());
        assertEquals("2026-11-30", v.onsetDate().toString());
        assertEquals("{\"code\":\"12345678\"}", received.get("/api/v1/verify"));

        answer("/api/v1/diagnosis-keys", 200, "{\"insertedExposures\":1,\"results\":[{\"index\":0,\"status\":\"ACCEPTED\"},"
                + "{\"index\":1,\"status\":\"REJECTED\",\"reason\":\"KEY_TOO_OLD\"}],\"padding\":\"xx\"}");
        SubmissionResult r = client.submit(new DiagnosisKeyUpload(List.of(key(1), key(2)), "cert", "aG1hYw==", "pad"));
        assertEquals(1, r.accepted());
        assertEquals(List.of("KEY_TOO_OLD"), r.rejectionReasons());
        assertTrue(received.get("/api/v1/diagnosis-keys").startsWith("{\"temporaryExposureKeys\":[{\"key\":\"AQEBAQEBAQEBAQEBAQEBAQ==\","
                + "\"rollingStartIntervalNumber\":2851200,\"rollingPeriod\":144,\"transmissionRisk\":0}"),
                received.get("/api/v1/diagnosis-keys"));

        answer("/api/v1/config", 200, "{\"configuration\":\"{\\\"version\\\":1}\",\"signature\":\"c2ln\",\"keyId\":\"452\","
                + "\"keyVersion\":\"v1\",\"algorithm\":\"1.2.840.10045.4.3.2\"}");
        SignedConfiguration c = client.configuration();
        assertEquals("{\"version\":1}", c.json());
        assertEquals("c2ln", c.signatureBase64());

        answers.put("/api/v1/exports/VN/hour-1-2-00001.zip", new Answer(200, "application/zip", "zip"));
        assertArrayEquals("zip".getBytes(StandardCharsets.UTF_8), client.exportFile("VN", "VN/hour-1-2-00001.zip"));
    }

    @Test
    void anAnswerWithoutTheContractsShapeIsAnError() {
        answer("/api/v1/verify", 200, "{\"verificationToken\":\"t1\",\"reportType\":\"CONFIRMED_TEST\"}");
        assertEquals("bad_response", assertThrows(KeyServerException.class, () -> client.verify("1")).errorCode());
        answer("/api/v1/certificate", 200, "not json");
        assertEquals("bad_response", assertThrows(KeyServerException.class, () -> client.certificate("t", "h")).errorCode());
        DiagnosisKeyUpload two = new DiagnosisKeyUpload(List.of(key(1), key(2)), "cert", "aG1hYw==", "pad");
        // No per-key results: the old client assumed every key was accepted.
        answer("/api/v1/diagnosis-keys", 200, "{\"insertedExposures\":2,\"padding\":\"\"}");
        assertEquals("bad_response", assertThrows(KeyServerException.class, () -> client.submit(two)).errorCode());
        answer("/api/v1/diagnosis-keys", 200, "{\"insertedExposures\":2,\"results\":[{\"index\":0,\"status\":\"ACCEPTED\"}]}");
        assertEquals("bad_response", assertThrows(KeyServerException.class, () -> client.submit(two)).errorCode());
        answer("/api/v1/diagnosis-keys", 200, "{\"insertedExposures\":2,\"results\":[{\"index\":0,\"status\":\"ACCEPTED\"},"
                + "{\"index\":1,\"status\":\"REJECTED\",\"reason\":\"DUPLICATE_KEY\"}]}");
        assertEquals("bad_response", assertThrows(KeyServerException.class, () -> client.submit(two)).errorCode());
        answer("/api/v1/exports/public-key", 200, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
        assertEquals("bad_response", assertThrows(KeyServerException.class, () -> client.exportPublicKey()).errorCode());
    }

    @Test
    void errorAnswersCarryTheServersCodeKnownOrNot() {
        answer("/api/v1/verify", 400, "{\"error\":\"CODE_EXPIRED\",\"message\":\"the code expired\"}");
        KeyServerException e = assertThrows(KeyServerException.class, () -> client.verify("1"));
        assertEquals(400, e.status());
        assertEquals(ErrorCode.CODE_EXPIRED, e.code().orElseThrow());
        assertEquals("the code expired", e.getMessage());

        answer("/api/v1/verify", 400, "{\"error\":\"SOMETHING_NEWER\",\"message\":\"later\"}");
        e = assertThrows(KeyServerException.class, () -> client.verify("1"));
        assertEquals("SOMETHING_NEWER", e.errorCode());
        assertFalse(e.code().isPresent());

        answers.put("/api/v1/verify", new Answer(502, "text/html", "<html>Bad Gateway</html>"));
        e = assertThrows(KeyServerException.class, () -> client.verify("1"));
        assertEquals("http_502", e.errorCode());
        assertEquals(502, e.status());
    }

    /** Under attack: the first try is refused, the client solves the challenge it fetches and sends the code again. */
    @Test
    void solvesTheProofOfWorkTheServerAsksFor() {
        List<String> verifyBodies = new java.util.concurrent.CopyOnWriteArrayList<>();
        String challenge = "1.12.1900000000.cmFuZG9t.0123456789abcdef0123456789abcdef";
        String[] challengeAnswer = {"{\"challenge\":\"" + challenge + "\",\"difficulty\":12,"
                + "\"expiresAt\":\"2030-03-17T17:46:40Z\"}"};
        server.createContext("/api/v1/verify", exchange -> { // also gets /api/v1/verify/challenge (a prefix match)
            if (exchange.getRequestURI().getPath().endsWith("/challenge")) {
                byte[] a = challengeAnswer[0].getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, a.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(a);
                }
                return;
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            verifyBodies.add(body);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"powNonce\":(\\d+)").matcher(body);
            boolean solved = body.contains("\"powChallenge\":\"" + challenge + "\"") && m.find()
                    && vn.bluezone.api.verification.ProofOfWork.satisfies(challenge, Long.parseLong(m.group(1)), 12);
            byte[] a = (solved ? "{\"token\":\"t9\",\"reportType\":\"CONFIRMED_TEST\",\"testDate\":\"2026-11-30\"}"
                    : "{\"error\":\"PROOF_OF_WORK_REQUIRED\",\"message\":\"solve it\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(solved ? 200 : 429, a.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(a);
            }
        });
        VerifiedCode v = assertDoesNotThrow(() -> client.verify("12345678"), () -> verifyBodies.toString());
        assertEquals("t9", v.token());
        assertEquals(2, verifyBodies.size());
        assertEquals("{\"code\":\"12345678\"}", verifyBodies.get(0));

        // A challenge no phone could solve is refused rather than worked on for ever.
        challengeAnswer[0] = "{\"challenge\":\"x\",\"difficulty\":60}";
        assertEquals("bad_response", assertThrows(KeyServerException.class, () -> client.verify("12345678")).errorCode());
    }

    private static TemporaryExposureKey key(int b) {
        byte[] data = new byte[16];
        java.util.Arrays.fill(data, (byte) b);
        return TemporaryExposureKey.of(data, 2_851_200 + (b - 1) * 144, 144);
    }
}
