package vn.bluezone.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.ApiKeyService;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.support.DeviceKeys;
import vn.bluezone.server.support.TestDatabase;

/**
 * Issue 15 §1: 20,000 mutated requests against the device API over real HTTP find no 5xx and no stack trace.
 * Seeds are valid requests of every device-facing endpoint (registration, heartbeat with its secret, verify,
 * certificate, an upload whose certificate was issued for the very keys sent, exports, configuration, units,
 * install page); each request mutates one seed: bytes flipped, cut or repeated, values replaced by other JSON
 * types, huge numbers, NULs, invalid UTF-8, other methods, content types, paths and headers. Reproducible (fixed
 * seed); bounded to 20,000 requests and 5 minutes; loopback only. The verification limiter is off so that the
 * mutations reach the code behind it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "bluezone.demo.enabled=false", "bluezone.keys.export.enabled=false", "bluezone.keys.rate-limit.enabled=false",
        "logging.level.vn.bluezone.server.web=warn", "logging.level.vn.bluezone.server.web.limits=warn"})
@ExtendWith(OutputCaptureExtension.class)
class DeviceApiFuzzIT {
    static final int REQUESTS = 20_000;
    static final Duration BUDGET = Duration.ofMinutes(5);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String[] TOKENS = {"null", "[]", "{}", "-1", "0", "1e309", "-9223372036854775809",
            "99999999999999999999999", "true", "\"\"", "\"\\u0000\"", "\"\\ud800\"", "\"" + "x".repeat(5000) + "\"",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]", "\"𝔘𝔫𝔦𝔠𝔬𝔡𝔢 đường\"", "1.5", "\"1\"",
            "{\"a\":", "\"AAAAAAAAAAAAAAAAAAAAAA==\""};
    static final String[] TYPES = {"application/json", "application/json; charset=utf-8", "text/plain",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "application/xml",
            "application/json; charset=bogus", "*/*", "application/*", "json", ";;;", "application/json;q=x"};
    static final String[] SEGMENTS = {"%00", "..%2f..%2f", "%ff%fe", "x".repeat(300), "đ", "-1", "0", "%20",
            "null", "99999999999999999999", "%25", "a%2Fb", "%C3%28"};

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry r) {
        TestDatabase.h2(r);
    }

    @LocalServerPort int port;
    @Autowired AccountService accounts;
    @Autowired ApiKeyService apiKeys;
    @Autowired Clock clock;

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Seed(String method, String path, String type, Map<String, String> headers, byte[] body) {
    }

    HttpResponse<byte[]> send(String method, String path, String type, Map<String, String> headers, byte[] body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (type != null) {
            b.header("Content-Type", type);
        }
        headers.forEach(b::header);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    JsonNode post(String path, Object body, Map<String, String> headers) throws Exception {
        HttpResponse<byte[]> r = send("POST", path, "application/json", headers, JSON.writeValueAsBytes(body));
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isBetween(200, 299);
        return JSON.readTree(r.body());
    }

    @Test
    void twentyThousandMutatedDeviceRequestsGiveNo5xx(CapturedOutput output) throws Exception {
        List<Seed> seeds = seeds();
        ConcurrentHashMap<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
        List<String> fiveHundreds = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sent = new AtomicInteger();
        AtomicLong deadline = new AtomicLong(System.nanoTime() + BUDGET.toNanos());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long t0 = System.nanoTime();
        for (int w = 0; w < 4; w++) {
            pool.submit(() -> {
                for (int i; (i = sent.getAndIncrement()) < REQUESTS && System.nanoTime() < deadline.get(); ) {
                    Random rnd = new Random(15_000_000L + i);
                    Seed m = mutate(seeds.get(rnd.nextInt(seeds.size())), rnd);
                    int status;
                    try {
                        status = send(m.method(), m.path(), m.type(), m.headers(), m.body()).statusCode();
                    } catch (IllegalArgumentException e) {
                        continue; // the client itself refused the mutated request (e.g. a header value)
                    } catch (java.io.IOException e) {
                        status = -1; // connection closed by the server (e.g. after a refused body)
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    byStatus.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    if (status >= 500) {
                        fiveHundreds.add(status + " " + m.method() + " " + m.path() + " " + m.type() + " "
                                + new String(m.body() == null ? new byte[0] : m.body(), StandardCharsets.UTF_8));
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(BUDGET.toSeconds() + 60, TimeUnit.SECONDS)).isTrue();
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        int total = byStatus.values().stream().mapToInt(AtomicInteger::get).sum();
        System.out.println("fuzz: " + total + " mutated requests in " + seconds + " s from " + seeds.size()
                + " seeds; by status " + new TreeMap<>(byStatus) + "; 5xx: " + fiveHundreds.size());
        fiveHundreds.stream().limit(20).forEach(f -> System.out.println("  5xx: " + f.substring(0, Math.min(300, f.length()))));
        assertThat(fiveHundreds).isEmpty();
        assertThat(total).as("requests sent within the time budget").isGreaterThanOrEqualTo(REQUESTS * 9 / 10);
        assertThat(byStatus.getOrDefault(-1, new AtomicInteger()).get()).as("connections dropped").isLessThan(total / 10);
        assertThat(output.getAll()).doesNotContain("Unexpected error").doesNotContain("\tat ");
    }

    /** Valid requests of every device-facing endpoint, including real uploads. */
    List<Seed> seeds() throws Exception {
        List<Seed> seeds = new ArrayList<>();
        String officer = apiKeys.issue(accounts.create("test", "fuzz.officer", null, Role.HEALTH_OFFICER, null,
                "fuzz-officer-pass", false), null).key();
        JsonNode dev = post("/api/v1/devices", Map.of("platform", "android", "appVersion", "4.2.0",
                "communeCode", "19882", "installationId", "9d1e2f30-4a5b-4c6d-8e7f-a0b1c2d3e4f5"), Map.of());
        String id = dev.get("deviceId").asString();
        Map<String, String> auth = Map.of("Authorization", "Bearer " + dev.get("deviceSecret").asString());
        seeds.add(new Seed("POST", "/api/v1/devices", "application/json", Map.of(), ("{\"platform\":\"ios\","
                + "\"appVersion\":\"4.2.0\",\"model\":\"iPhone 12\",\"communeCode\":\"19882\",\"villageId\":1,"
                + "\"referralCode\":\"ABCD2345\",\"placeCode\":\"P1234567\",\"installationId\":"
                + "\"0d1e2f30-4a5b-4c6d-8e7f-a0b1c2d3e4f5\"}").getBytes(StandardCharsets.UTF_8)));
        seeds.add(new Seed("POST", "/api/v1/devices/" + id + "/heartbeat", "application/json", auth,
                "{\"bluetoothOn\":true,\"appVersion\":\"4.2.1\"}".getBytes(StandardCharsets.UTF_8)));
        seeds.add(new Seed("POST", "/api/v1/devices", "application/json", auth, ("{\"platform\":\"android\","
                + "\"appVersion\":\"4.2.0\",\"installationId\":\"9d1e2f30-4a5b-4c6d-8e7f-a0b1c2d3e4f5\"}")
                .getBytes(StandardCharsets.UTF_8)));
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")));
        Random rnd = new Random(15);
        for (int i = 0; i < 40; i++) {
            JsonNode code = post("/api/v1/admin/codes", Map.of("reportType", "CONFIRMED_TEST",
                    "symptomDate", today.minusDays(3).toString()), Map.of("X-Api-Key", officer));
            seeds.add(new Seed("POST", "/api/v1/verify", "application/json", Map.of(),
                    ("{\"code\":\"" + code.get("longCode").asString() + "\"}").getBytes(StandardCharsets.UTF_8)));
            JsonNode token = post("/api/v1/verify", Map.of("code", code.get("shortCode").asString()), Map.of());
            // Keys with awkward but well-typed values, so that the per-key checks behind the HMAC are fuzzed too.
            List<DeviceKeys.Key> keys = new ArrayList<>(DeviceKeys.dailyKeys(clock.instant(), 1 + rnd.nextInt(14)));
            if (i % 2 == 1) {
                keys.add(new DeviceKeys.Key(rnd.nextBoolean() ? "not-base64!" : DeviceKeys.randomKey(),
                        rnd.nextInt(), rnd.nextInt(300) - 100, rnd.nextInt(20) - 5));
                keys.add(keys.get(0));
            }
            byte[] hmacKey = DeviceKeys.hmacKey();
            String ekeyhmac = DeviceKeys.hmac(hmacKey, keys);
            seeds.add(new Seed("POST", "/api/v1/certificate", "application/json", Map.of(), JSON.writeValueAsBytes(
                    Map.of("token", token.get("token").asString(), "ekeyhmac", ekeyhmac))));
            JsonNode cert = post("/api/v1/certificate", Map.of("token", token.get("token").asString(),
                    "ekeyhmac", ekeyhmac), Map.of());
            seeds.add(new Seed("POST", "/api/v1/diagnosis-keys", "application/json", i % 5 == 0 ? Map.of("X-Chaff", "1")
                    : Map.of(), JSON.writeValueAsBytes(Map.of("temporaryExposureKeys", DeviceKeys.json(keys),
                    "certificate", cert.get("certificate").asString(),
                    "hmacKey", Base64.getEncoder().encodeToString(hmacKey),
                    "padding", Base64.getEncoder().encodeToString(new byte[300])))));
        }
        for (String get : List.of("/api/v1/config", "/api/v1/exports/VN/index.txt", "/api/v1/exports/01/index-daily.txt",
                "/api/v1/exports/VN/hour-1-2-00001.zip", "/api/v1/exports/public-key", "/api/v1/units?q=quang%20ngan",
                "/api/v1/units/19882", "/api/v1/units/46/children", "/api/v1/units?q=hue&within=46&limit=5",
                "/i/P1234567")) {
            seeds.add(new Seed("GET", get, null, Map.of(), null));
        }
        return seeds;
    }

    static Seed mutate(Seed s, Random r) {
        String method = s.method();
        String path = s.path();
        String type = s.type();
        Map<String, String> headers = new java.util.HashMap<>(s.headers());
        byte[] body = s.body() == null ? null : s.body().clone();
        int mutations = 1 + r.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            switch (r.nextInt(12)) {
                case 0, 1, 2 -> body = mutateBytes(body == null ? "{}".getBytes() : body, r);
                case 3, 4 -> body = replaceValue(body == null ? "{\"a\":1}".getBytes() : body, r);
                case 5 -> type = TYPES[r.nextInt(TYPES.length)];
                case 6 -> method = new String[] {"GET", "PUT", "DELETE", "PATCH", "POST", "OPTIONS"}[r.nextInt(6)];
                case 7 -> path = mutatePath(path, r);
                case 8 -> path = path + (path.contains("?") ? "&" : "?") + "q=" + SEGMENTS[r.nextInt(SEGMENTS.length)]
                        + "&limit=" + new String[] {"-5", "abc", "99999999999", "1e3"}[r.nextInt(4)];
                case 9 -> headers.put(new String[] {"Authorization", "X-Chaff", "Accept", "Accept-Language",
                        "X-Forwarded-For"}[r.nextInt(5)], new String[] {"Bearer ", "Bearer x", "1", "*/*",
                        "text/html", "vi;q=abc", "1.2.3.4, ::1", "Basic Og==", "x".repeat(2000)}[r.nextInt(9)]);
                case 10 -> body = body == null ? null : java.util.Arrays.copyOf(body, r.nextInt(body.length + 1));
                default -> {
                    byte[] bad = {(byte) 0xC3, 0x28, (byte) 0xFF, 0, (byte) 0xED, (byte) 0xA0, (byte) 0x80};
                    body = insert(body == null ? "{}".getBytes() : body, r.nextInt((body == null ? 2 : body.length) + 1),
                            java.util.Arrays.copyOfRange(bad, 0, 1 + r.nextInt(bad.length)));
                }
            }
        }
        return new Seed(method, path, type, headers, body);
    }

    static byte[] mutateBytes(byte[] b, Random r) {
        byte[] out = b.clone();
        if (out.length == 0) {
            return new byte[] {(byte) r.nextInt(256)};
        }
        switch (r.nextInt(3)) {
            case 0 -> {
                for (int k = 0; k < 1 + r.nextInt(4); k++) {
                    out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> {
                int from = r.nextInt(out.length);
                int to = Math.min(out.length, from + 1 + r.nextInt(20));
                byte[] cut = new byte[out.length - (to - from)];
                System.arraycopy(out, 0, cut, 0, from);
                System.arraycopy(out, to, cut, from, out.length - to);
                out = cut;
            }
            default -> {
                int from = r.nextInt(out.length);
                int to = Math.min(out.length, from + 1 + r.nextInt(40));
                out = insert(out, from, java.util.Arrays.copyOfRange(out, from, to));
            }
        }
        return out;
    }

    /** Replaces one JSON value (after a colon or inside an array) with a token of another type. */
    static byte[] replaceValue(byte[] b, Random r) {
        String s = new String(b, StandardCharsets.UTF_8);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ':' || s.charAt(i) == '[') {
                starts.add(i + 1);
            }
        }
        if (starts.isEmpty()) {
            return (TOKENS[r.nextInt(TOKENS.length)]).getBytes(StandardCharsets.UTF_8);
        }
        int from = starts.get(r.nextInt(starts.size()));
        int end = from;
        if (end < s.length() && s.charAt(end) == '"') {
            end = s.indexOf('"', end + 1) + 1;
            end = end <= 0 ? s.length() : end;
        } else {
            while (end < s.length() && ",}]".indexOf(s.charAt(end)) < 0) {
                end++;
            }
        }
        return (s.substring(0, from) + TOKENS[r.nextInt(TOKENS.length)] + s.substring(end)).getBytes(StandardCharsets.UTF_8);
    }

    static String mutatePath(String path, Random r) {
        String[] parts = path.split("\\?", 2)[0].split("/");
        int i = 1 + r.nextInt(parts.length - 1);
        parts[i] = SEGMENTS[r.nextInt(SEGMENTS.length)];
        return String.join("/", parts) + (path.contains("?") ? "?" + path.split("\\?", 2)[1] : "");
    }

    static byte[] insert(byte[] b, int at, byte[] what) {
        byte[] out = new byte[b.length + what.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(b, at, out, at + what.length, b.length - at);
        return out;
    }
}
