package vn.bluezone.bench.keyserver;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.bluezone.api.ApiPaths;
import vn.bluezone.api.KeyHmac;
import vn.bluezone.api.officer.IssuedCode;
import vn.bluezone.api.officer.NewCode;
import vn.bluezone.api.submission.DiagnosisKey;
import vn.bluezone.api.submission.DiagnosisKeysRequest;
import vn.bluezone.api.submission.DiagnosisKeysResponse;
import vn.bluezone.api.verification.CertificateRequest;
import vn.bluezone.api.verification.CertificateResponse;
import vn.bluezone.api.verification.VerifyRequest;
import vn.bluezone.api.verification.VerifyResponse;
import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.protocol.ReportType;

/**
 * Load generator for the key server: real uploads of 14 keys each, submitted over plain Java sockets
 * to a server on this machine (loopback only), bounded in count and time. Certificates are prepared first
 * (code → verify → certificate, not timed); then the uploads are timed: uploads/s, p50 and p99 latency.
 * Baseline in the same run: the same number of requests of the same size to the same endpoint that the server
 * rejects before any crypto or database work (no certificate), so the ratio isolates the upload's own cost.
 *
 * <pre>bench/upload-load --url http://127.0.0.1:8080 --api-key bz_... --uploads 5000 --concurrency 16 --seconds 60
 *     [--server-pid PID]</pre>
 * The timed phases send prepared request bytes over one kept-alive connection per worker
 * ({@link KeepAliveConnection}) and report the CPU used per request by the generator, and, when the server's
 * process id is given (Linux), by the server and by all PostgreSQL processes.
 * The API key must belong to a HEALTH_OFFICER or ADMIN; start the server with
 * BLUEZONE_KEYS_RATE_LIMIT_ENABLED=false (the preparation verifies thousands of codes from one address).
 */
public final class UploadLoad {
    static final int KEYS_PER_UPLOAD = 14;
    static final int MAX_UPLOADS = 200_000;
    static final int MAX_SECONDS = 600;
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI base;
    private final String apiKey;
    private final HttpClient http;
    private long serverPid = -1;

    UploadLoad(URI base, String apiKey) {
        this.base = base;
        this.apiKey = apiKey;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** A prepared upload: the request, written to JSON once before the timed phases. */
    record Prepared(DiagnosisKeysRequest request) {
        String body() {
            return JSON.writeValueAsString(request);
        }

        /** The same upload without a certificate: refused before any crypto or database work. */
        String bodyWithoutCertificate() {
            return JSON.writeValueAsString(new DiagnosisKeysRequest(request.temporaryExposureKeys(), "",
                    request.hmacKey(), request.padding()));
        }
    }

    /** Figures of one timed phase. */
    record Phase(String name, int requests, int failures, double seconds, long p50Micros, long p99Micros,
                 CpuMeter.Used cpu) {
        double perSecond() {
            return requests / seconds;
        }

        String line() {
            return String.format(Locale.ROOT, "%-9s %7d requests %5d failed %8.1f/s  p50 %6.1f ms  p99 %6.1f ms",
                    name, requests, failures, perSecond(), p50Micros / 1000.0, p99Micros / 1000.0)
                    + cpu.perRequest(requests);
        }
    }

    public static void main(String[] args) throws Exception {
        String url = "http://127.0.0.1:8080";
        String apiKey = System.getenv("BLUEZONE_BENCH_API_KEY");
        int uploads = 2000;
        int concurrency = 16;
        int seconds = 60;
        long serverPid = -1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--api-key" -> apiKey = args[++i];
                case "--uploads" -> uploads = Integer.parseInt(args[++i]);
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--server-pid" -> serverPid = Long.parseLong(args[++i]);
                default -> fail("unknown option " + args[i]);
            }
        }
        if (uploads < 1 || uploads > MAX_UPLOADS) {
            fail("--uploads must be 1.." + MAX_UPLOADS);
        }
        if (concurrency < 1 || concurrency > 256) {
            fail("--concurrency must be 1..256");
        }
        if (seconds < 1 || seconds > MAX_SECONDS) {
            fail("--seconds must be 1.." + MAX_SECONDS);
        }
        if (apiKey == null || apiKey.isBlank()) {
            fail("--api-key (or BLUEZONE_BENCH_API_KEY) of a health officer is required");
        }
        URI base = URI.create(url.endsWith("/") ? url : url + "/");
        if (base.getHost() == null || !InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
            fail("the load generator only targets a server on this machine (loopback), not " + base.getHost());
        }
        UploadLoad load = new UploadLoad(base, apiKey);
        load.serverPid = serverPid;
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            long t0 = System.nanoTime();
            List<Prepared> prepared = load.prepare(uploads, pool);
            System.out.printf(Locale.ROOT, "prepared %d certificates in %.1f s%n", prepared.size(), (System.nanoTime() - t0) / 1e9);
            load.warmUp(pool);
            List<String> baselineBodies = prepared.stream().map(Prepared::bodyWithoutCertificate).toList();
            Phase baseline = load.run("baseline", baselineBodies, 400, pool, seconds);
            Phase real = load.run("uploads", prepared.stream().map(Prepared::body).toList(), 200, pool, seconds);
            System.out.println(baseline.line());
            System.out.println(real.line());
            System.out.printf(Locale.ROOT, "result: %.0f uploads/s of %d keys, p50 %.1f ms, p99 %.1f ms, concurrency %d; "
                            + "baseline (rejected early) %.0f requests/s; ratio uploads/baseline %.2f%n",
                    real.perSecond(), KEYS_PER_UPLOAD, real.p50Micros() / 1000.0, real.p99Micros() / 1000.0, concurrency,
                    baseline.perSecond(), real.perSecond() / baseline.perSecond());
            if (real.failures() > 0) {
                System.exit(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void fail(String message) {
        System.err.println("error: " + message);
        System.exit(2);
    }

    /** Issues codes, verifies them and gets certificates for fresh keys: everything a phone does before uploading. */
    List<Prepared> prepare(int n, ExecutorService pool) throws Exception {
        List<Future<Prepared>> futures = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            futures.add(pool.submit(this::prepareOne));
        }
        List<Prepared> out = new ArrayList<>(n);
        for (Future<Prepared> f : futures) {
            out.add(f.get());
        }
        return out;
    }

    private Prepared prepareOne() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        String code = post(ApiPaths.ADMIN_CODES, new NewCode(ReportType.CONFIRMED_TEST, today.minusDays(3), null, null),
                true, 201, IssuedCode.class).shortCode();
        String token = post(ApiPaths.VERIFY, new VerifyRequest(code), false, 200, VerifyResponse.class).token();
        long dayStart = EnIntervalNumber.dayStart(EnIntervalNumber.of(Instant.now()));
        List<DiagnosisKey> keys = new ArrayList<>();
        for (int d = KEYS_PER_UPLOAD; d >= 1; d--) {
            byte[] k = new byte[16];
            RANDOM.nextBytes(k);
            keys.add(new DiagnosisKey(Base64.getEncoder().encodeToString(k), (int) (dayStart - d * 144L), 144, 3));
        }
        byte[] hmacKey = new byte[32];
        RANDOM.nextBytes(hmacKey);
        String cert = post(ApiPaths.CERTIFICATE, new CertificateRequest(token, KeyHmac.computeBase64(hmacKey, keys)),
                false, 200, CertificateResponse.class).certificate();
        byte[] pad = new byte[256 + RANDOM.nextInt(768)];
        RANDOM.nextBytes(pad);
        return new Prepared(new DiagnosisKeysRequest(keys, cert, Base64.getEncoder().encodeToString(hmacKey),
                Base64.getEncoder().encodeToString(pad)));
    }

    /** A few hundred rejected uploads so that both phases meet a warm server. */
    void warmUp(ExecutorService pool) throws Exception {
        String body = JSON.writeValueAsString(new DiagnosisKeysRequest(
                List.of(new DiagnosisKey("AAAAAAAAAAAAAAAAAAAAAA==", 1, 144, null)), "", "AAAAAAAAAAAAAAAAAAAAAA==", null));
        run("warm-up", java.util.Collections.nCopies(500, body), 400, pool, 30);
    }

    Phase run(String name, List<String> bodies, int expectedStatus, ExecutorService pool, int maxSeconds) throws Exception {
        List<byte[]> requests = new ArrayList<>(bodies.size());
        for (String b : bodies) {
            requests.add(KeepAliveConnection.post(base, ApiPaths.relative(ApiPaths.DIAGNOSIS_KEYS), b));
        }
        long[] latencies = new long[requests.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
        int workers = ((java.util.concurrent.ThreadPoolExecutor) pool).getCorePoolSize();
        CpuMeter cpu = CpuMeter.start(serverPid);
        long start = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            fs.add(pool.submit(() -> {
                try (KeepAliveConnection c = new KeepAliveConnection(base)) {
                    int i;
                    while ((i = next.getAndIncrement()) < requests.size() && System.nanoTime() < deadline) {
                        long t = System.nanoTime();
                        try {
                            KeepAliveConnection.Response r = c.send(requests.get(i));
                            // An upload counts only if the server says it stored all 14 keys.
                            boolean ok = r.status() == expectedStatus && (expectedStatus != 200
                                    || storedAll(r.text()));
                            if (!ok && failures.getAndIncrement() < 3) {
                                System.err.println(name + ": HTTP " + r.status() + " " + r.text());
                            }
                        } catch (Exception e) {
                            if (failures.getAndIncrement() < 3) {
                                System.err.println(name + ": " + e);
                            }
                        }
                        latencies[i] = (System.nanoTime() - t) / 1000;
                        done.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        double secs = (System.nanoTime() - start) / 1e9;
        CpuMeter.Used used = cpu.stop();
        int n = done.get();
        long[] measured = Arrays.copyOf(Arrays.stream(latencies).filter(l -> l > 0).toArray(), n);
        Arrays.sort(measured);
        return new Phase(name, n, failures.get(), secs, percentile(measured, 0.50), percentile(measured, 0.99), used);
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** Whether an upload's answer, read as the contract's response, says every key was stored. */
    static boolean storedAll(String answer) {
        try {
            DiagnosisKeysResponse r = JSON.readValue(answer, DiagnosisKeysResponse.class);
            return r != null && r.insertedExposures() == KEYS_PER_UPLOAD && r.results() != null
                    && r.results().size() == KEYS_PER_UPLOAD && r.results().stream().allMatch(k -> k.wasAccepted());
        } catch (JacksonException e) {
            return false;
        }
    }

    private <T> T post(String path, Object body, boolean admin, int expected, Class<T> answer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(ApiPaths.relative(path)))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (admin) {
            b.header("X-Api-Key", apiKey);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(path + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return JSON.readValue(r.body(), answer);
    }
}
