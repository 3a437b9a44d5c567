package vn.bluezone.device.server;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import vn.bluezone.device.port.KeyServerClient;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;

/**
 * {@link KeyServerClient} over {@code java.net.http} against the key server's REST API (see server/README.md).
 * Error answers carry {@code {"error": CODE, "message": TEXT}}; they become {@link KeyServerException}s with
 * that code. Requests carry no identifier of the phone beyond what each call needs.
 */
public final class HttpKeyServerClient implements KeyServerClient {
    private static final int MAX_EXPORT_BYTES = 64 * 1024 * 1024;
    private final URI base;
    private final HttpClient http;
    private final ObjectMapper json = JsonMapper.builder().build();
    private final Duration timeout;

    public HttpKeyServerClient(URI base) {
        this(base, Duration.ofSeconds(30));
    }

    public HttpKeyServerClient(URI base, Duration timeout) {
        String s = base.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public VerifiedCode verify(String code) throws KeyServerException {
        ObjectNode body = json.createObjectNode().put("code", code);
        JsonNode r = postJson("api/v1/verify", body);
        String token = text(r, "token", "verificationToken");
        if (token == null) {
            throw new KeyServerException(200, "bad_response", "verify answer has no token");
        }
        return new VerifiedCode(token, reportType(r), onset(r));
    }

    @Override
    public String certificate(String token, String keyHmacBase64) throws KeyServerException {
        ObjectNode body = json.createObjectNode().put("token", token).put("ekeyhmac", keyHmacBase64);
        JsonNode r = postJson("api/v1/certificate", body);
        String cert = text(r, "certificate");
        if (cert == null) {
            throw new KeyServerException(200, "bad_response", "certificate answer has no certificate");
        }
        return cert;
    }

    @Override
    public SubmissionResult submit(DiagnosisKeyUpload upload) throws KeyServerException {
        ObjectNode body = json.createObjectNode();
        ArrayNode keys = body.putArray("temporaryExposureKeys");
        for (TemporaryExposureKey k : upload.keys()) {
            keys.addObject().put("key", Base64.getEncoder().encodeToString(k.keyData()))
                    .put("rollingStartIntervalNumber", k.rollingStartIntervalNumber())
                    .put("rollingPeriod", k.rollingPeriod())
                    .put("transmissionRisk", k.transmissionRiskLevel());
        }
        body.put("certificate", upload.certificate());
        body.put("hmacKey", upload.hmacKeyBase64());
        body.put("padding", upload.padding());
        if (!upload.checkins().isEmpty()) {
            ArrayNode checkins = body.putArray("checkins");
            for (vn.bluezone.protocol.checkin.ProtectedReport c : upload.checkins()) {
                vn.bluezone.protocol.checkin.CheckinHmac.Entry e = vn.bluezone.protocol.checkin.CheckinHmac.Entry.of(c);
                checkins.addObject().put("locationIdHash", e.locationIdHash()).put("iv", e.iv())
                        .put("encryptedRecord", e.encryptedRecord()).put("mac", e.mac());
            }
        }
        JsonNode r = postJson("api/v1/diagnosis-keys", body);
        return submissionResult(r, upload.keys().size());
    }

    private static SubmissionResult submissionResult(JsonNode r, int sent) {
        List<String> reasons = new ArrayList<>();
        int accepted = 0;
        JsonNode results = r.has("results") ? r.get("results") : r.get("keys");
        if (results != null && results.isArray()) {
            for (JsonNode k : results) {
                String status = text(k, "status", "result");
                if (k.path("accepted").asBoolean(false) || "accepted".equalsIgnoreCase(status)) {
                    accepted++;
                } else {
                    String reason = text(k, "reason", "error", "code");
                    reasons.add(reason != null ? reason : status != null ? status : "rejected");
                }
            }
        } else if (r.has("insertedExposures") || r.has("accepted")) {
            accepted = r.has("insertedExposures") ? r.get("insertedExposures").asInt() : r.get("accepted").asInt();
        } else {
            accepted = sent;
        }
        int checkinsAccepted = 0;
        for (JsonNode c : r.path("checkinResults")) {
            if ("ACCEPTED".equalsIgnoreCase(c.path("status").asString(""))) {
                checkinsAccepted++;
            }
        }
        return new SubmissionResult(accepted, reasons, checkinsAccepted);
    }

    @Override
    public List<String> exportIndex(String region) throws KeyServerException {
        String text = new String(get("api/v1/exports/" + enc(region) + "/index.txt", 1024 * 1024),
                StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String n = line.strip();
            if (!n.isEmpty()) {
                names.add(n);
            }
        }
        return names;
    }

    @Override
    public byte[] exportFile(String region, String fileName) throws KeyServerException {
        // The index may list names with or without the region prefix; the file is addressed by its last segment.
        String name = fileName.substring(fileName.lastIndexOf('/') + 1);
        return get("api/v1/exports/" + enc(region) + "/" + enc(name), MAX_EXPORT_BYTES);
    }

    @Override
    public ExportPublicKey exportPublicKey() throws KeyServerException {
        byte[] body = get("api/v1/exports/public-key", 64 * 1024);
        String s = new String(body, StandardCharsets.UTF_8).strip();
        if (s.startsWith("-----BEGIN")) {
            return new ExportPublicKey(null, null, s);
        }
        JsonNode r = parse(200, body);
        return new ExportPublicKey(text(r, "keyId"), text(r, "keyVersion"), text(r, "pem", "publicKey"));
    }

    @Override
    public SignedConfiguration configuration() throws KeyServerException {
        byte[] body = get("api/v1/config", 1024 * 1024);
        JsonNode r = parse(200, body);
        // Either {"configuration": {...} or "...", "signature": "...", "keyId": "..."} or the bare document.
        JsonNode doc = r.has("configuration") ? r.get("configuration") : r.has("config") ? r.get("config") : null;
        if (doc == null) {
            return new SignedConfiguration(new String(body, StandardCharsets.UTF_8), null, null);
        }
        String docText = doc.isString() ? doc.asString() : json.writeValueAsString(doc);
        return new SignedConfiguration(docText, text(r, "signature"), text(r, "keyId"));
    }

    private JsonNode postJson(String path, JsonNode body) throws KeyServerException {
        HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        HttpResponse<byte[]> resp = send(req);
        return parse(resp.statusCode(), resp.body());
    }

    private byte[] get(String path, int maxBytes) throws KeyServerException {
        HttpRequest req = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build();
        HttpResponse<byte[]> resp = send(req);
        if (resp.body().length > maxBytes) {
            throw new KeyServerException(resp.statusCode(), "too_large", path + " is larger than " + maxBytes + " bytes");
        }
        return resp.body();
    }

    private HttpResponse<byte[]> send(HttpRequest req) throws KeyServerException {
        HttpResponse<byte[]> resp;
        try {
            resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new KeyServerException(0, "network_error", req.method() + " " + req.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyServerException(0, "interrupted", req.method() + " " + req.uri() + " was interrupted", e);
        }
        if (resp.statusCode() / 100 != 2) {
            String code = "http_" + resp.statusCode();
            String message = new String(resp.body(), StandardCharsets.UTF_8);
            try {
                JsonNode err = json.readTree(resp.body());
                code = firstNonNull(text(err, "error", "code"), code);
                message = firstNonNull(text(err, "message", "detail"), message);
            } catch (JacksonException ignored) {
                // not JSON: keep the raw text
            }
            throw new KeyServerException(resp.statusCode(), code, message);
        }
        return resp;
    }

    private JsonNode parse(int status, byte[] body) throws KeyServerException {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new KeyServerException(status, "bad_response", "answer is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static ReportType reportType(JsonNode r) {
        JsonNode t = r.get("reportType");
        if (t == null || t.isNull()) {
            return ReportType.CONFIRMED_TEST;
        }
        if (t.isNumber()) {
            return ReportType.ofCode(t.asInt());
        }
        String s = t.asString().strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        return switch (s) {
            case "CONFIRMED", "CONFIRMED_TEST" -> ReportType.CONFIRMED_TEST;
            case "LIKELY", "CLINICAL", "CONFIRMED_CLINICAL_DIAGNOSIS", "CLINICAL_DIAGNOSIS" ->
                    ReportType.CONFIRMED_CLINICAL_DIAGNOSIS;
            case "RECURSIVE" -> ReportType.RECURSIVE;
            case "SELF_REPORT" -> ReportType.SELF_REPORT;
            default -> ReportType.valueOf(s);
        };
    }

    private static LocalDate onset(JsonNode r) {
        String s = text(r, "onsetDate", "symptomOnsetDate", "onset", "testDate");
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode n, String... names) {
        for (String name : names) {
            JsonNode v = n.get(name);
            if (v != null && !v.isNull()) {
                return v.isValueNode() ? v.asString() : v.toString();
            }
        }
        return null;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
