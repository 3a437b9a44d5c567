package vn.bluezone.bench.keyserver;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.bluezone.api.ApiPaths;
import vn.bluezone.api.officer.IssuedCode;
import vn.bluezone.api.officer.NewCode;
import vn.bluezone.api.submission.DiagnosisKeysResponse;
import vn.bluezone.api.verification.CertificateRequest;
import vn.bluezone.api.verification.CertificateResponse;
import vn.bluezone.api.verification.VerifyRequest;
import vn.bluezone.api.verification.VerifyResponse;
import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.protocol.ReportType;

/**
 * Load generator for the key server: real uploads of 14 keys each, submitted over plain Java sockets to a server
 * on this machine (loopback only), bounded in count and time. Not timed, first, everything a phone does before
 * uploading, in two stages: (1) an officer's code and {@code /verify} give a token (valid 24 h), (2) shortly
 * before the run, {@code /certificate} for fresh keys gives a certificate, whose life (15 minutes by default, at
 * most 1 h) must cover the run; a refused preparation request (503, 429) is retried as {@link BusyRetry} says.
 * Then a warm-up, a baseline and the uploads are timed: uploads/s, p50 and p99 latency, overall and per minute
 * ({@link MinuteFigures}). Baseline in the same run: requests of the same shape to the same endpoint that the server
 * rejects before any crypto or database work (no certificate), so the ratio isolates the upload's own cost.
 *
 * <pre>bench/upload-load --url http://127.0.0.1:8080 --api-key bz_... --uploads 5000 --concurrency 32 --seconds 60
 *     [--rate R] [--baseline-seconds S] [--prepare-concurrency P] [--server-pid PID]</pre>
 * Without {@code --rate} each worker sends as fast as answers come (closed loop: the server's capacity); with it,
 * upload i is due at start + i/R and its latency counts from that moment, so a server falling behind the rate
 * shows as latency, not as a slower send rate. Timed phases send bytes over one kept-alive connection per worker
 * ({@link KeepAliveConnection}) and report CPU per request of the generator and, given the server's process id
 * (Linux), of the server and all PostgreSQL processes. The API key must belong to a HEALTH_OFFICER or ADMIN; start
 * the server with BLUEZONE_KEYS_RATE_LIMIT_ENABLED=false (the preparation verifies many codes from one address).
 */
public final class UploadLoad {
    static final int KEYS_PER_UPLOAD = 14;
    /** What a 10-minute run at 2,000 uploads/s needs, no more. */
    static final int MAX_UPLOADS = 1_200_000;
    static final int MAX_SECONDS = 600;
    static final int MAX_RATE = 2_000;
    static final int MAX_CONCURRENCY = 256;
    /** The server takes 24 officials' requests with a body at once ({@code bluezone.http.blocking-body-reads}). */
    static final int MAX_PREPARE_CONCURRENCY = 24;
    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final long PROGRESS_NANOS = 30_000_000_000L;

    /** A bad command line: printed as one line, exit status 2. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    /** The preparation could not finish (the server refused or failed a request): one line, exit status 2. */
    static final class PreparationFailed extends RuntimeException {
        PreparationFailed(String message) {
            super(message);
        }
    }

    /** The command line, checked. {@code rate} 0 = closed loop. */
    record Options(URI base, String apiKey, int uploads, int concurrency, int prepareConcurrency, int seconds,
                   int baselineSeconds, int rate, long serverPid) {
    }

    /** Figures of one timed phase. */
    record Phase(String name, int requests, int failures, double seconds, long p50Micros, long p99Micros,
                 CpuMeter.Used cpu, List<MinuteFigures.Minute> minutes) {
        double perSecond() {
            return requests / seconds;
        }

        String line() {
            return String.format(Locale.ROOT, "%-9s %7d requests %5d failed %8.1f/s  p50 %6.1f ms  p99 %6.1f ms",
                    name, requests, failures, perSecond(), p50Micros / 1000.0, p99Micros / 1000.0)
                    + cpu.perRequest(requests);
        }
    }

    private final Options options;
    private final BusyRetry retry = BusyRetry.sleeping();

    UploadLoad(Options options) {
        this.options = options;
    }

    public static void main(String[] args) {
        Options o;
        try {
            o = parse(args, System.getenv("BLUEZONE_BENCH_API_KEY"));
        } catch (UsageException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            System.exit(new UploadLoad(o).runAll());
        } catch (Exception e) {
            System.err.println("error: " + oneLine(e));
            System.exit(2);
        }
    }

    static Options parse(String[] args, String envApiKey) throws UsageException {
        String url = "http://127.0.0.1:8080";
        String apiKey = envApiKey;
        int uploads = 2000;
        int concurrency = 16;
        int prepare = 8;
        int seconds = 60;
        Integer baselineSeconds = null;
        int rate = 0;
        long serverPid = -1;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new UsageException("unknown option or missing value: " + name);
            }
            String v = args[++i];
            switch (name) {
                case "--url" -> url = v;
                case "--api-key" -> apiKey = v;
                case "--uploads" -> uploads = number(name, v, 1, MAX_UPLOADS);
                case "--concurrency" -> concurrency = number(name, v, 1, MAX_CONCURRENCY);
                case "--prepare-concurrency" -> prepare = number(name, v, 1, MAX_PREPARE_CONCURRENCY);
                case "--seconds" -> seconds = number(name, v, 1, MAX_SECONDS);
                case "--baseline-seconds" -> baselineSeconds = number(name, v, 1, MAX_SECONDS);
                case "--rate" -> rate = number(name, v, 1, MAX_RATE);
                case "--server-pid" -> serverPid = number(name, v, 1, Integer.MAX_VALUE);
                default -> throw new UsageException("unknown option " + name);
            }
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new UsageException("--api-key (or BLUEZONE_BENCH_API_KEY) of a health officer is required");
        }
        URI base;
        try {
            base = URI.create(url.endsWith("/") ? url : url + "/");
        } catch (IllegalArgumentException e) {
            throw new UsageException("--url is not a URL: " + url);
        }
        if (!"http".equals(base.getScheme()) || base.getHost() == null || !isLoopback(base.getHost())) {
            throw new UsageException("the load generator only targets http:// on this machine (loopback), not " + url);
        }
        return new Options(base, apiKey, uploads, concurrency, prepare, seconds,
                baselineSeconds == null ? Math.min(seconds, 60) : baselineSeconds, rate, serverPid);
    }

    private static int number(String name, String v, int min, int max) throws UsageException {
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " must be a whole number " + min + ".." + max + ", not " + v);
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The first line of an exception's message (or its type), never a stack trace. */
    static String oneLine(Throwable e) {
        Throwable t = e;
        while ((t instanceof java.util.concurrent.ExecutionException || t.getMessage() == null) && t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName()
                : (t instanceof PreparationFailed ? "" : t.getClass().getSimpleName() + ": ") + t.getMessage();
        m = m.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        return m.length() > 300 ? m.substring(0, 297) + "..." : m;
    }

    /** The whole run; the exit status: 0, or 1 when an upload failed. */
    int runAll() throws Exception {
        Options o = options;
        String[] tokens = prepareTokens();
        warmUp();
        List<byte[]> baselineBodies = baselineRequests(1024);
        Phase baseline = run("baseline", o.uploads(), i -> baselineBodies.get(i % baselineBodies.size()), 400,
                o.baselineSeconds(), 0);
        CompactUpload[] uploads = prepareCertificates(tokens);
        tokens = null;
        String uploadPath = ApiPaths.relative(ApiPaths.DIAGNOSIS_KEYS);
        Phase real = run("uploads", uploads.length, i -> {
            byte[] request = KeepAliveConnection.post(o.base(), uploadPath, uploads[i].json());
            uploads[i] = null; // sent once; let it go
            return request;
        }, 200, o.seconds(), o.rate());
        System.out.println(baseline.line());
        printMinutes(baseline);
        System.out.println(real.line());
        printMinutes(real);
        int accepted = real.requests() - real.failures();
        System.out.printf(Locale.ROOT, "stored: %d uploads accepted = %d keys (the database should hold exactly these "
                + "more diagnosis_key rows)%n", accepted, (long) accepted * KEYS_PER_UPLOAD);
        System.out.printf(Locale.ROOT, "result: %.0f uploads/s of %d keys, p50 %.1f ms, p99 %.1f ms, concurrency %d%s, "
                        + "%.0f s; baseline (rejected early) %.0f requests/s; ratio uploads/baseline %.2f%n",
                real.perSecond(), KEYS_PER_UPLOAD, real.p50Micros() / 1000.0, real.p99Micros() / 1000.0,
                o.concurrency(), o.rate() > 0 ? ", paced at " + o.rate() + "/s" : "", real.seconds(),
                baseline.perSecond(), real.perSecond() / baseline.perSecond());
        return real.failures() > 0 ? 1 : 0;
    }

    private static void printMinutes(Phase p) {
        if (p.minutes().size() > 1) {
            p.minutes().forEach(m -> System.out.println(m.line()));
        }
    }

    /** Stage 1: an officer's code, verified: a token (24 h) per upload. */
    String[] prepareTokens() throws Exception {
        String[] tokens = new String[options.uploads()];
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        byte[] codeRequest = request(ApiPaths.ADMIN_CODES,
                new NewCode(ReportType.CONFIRMED_TEST, today.minusDays(3), null, null), true);
        String verifyPath = ApiPaths.relative(ApiPaths.VERIFY);
        prepareEach("tokens", tokens.length, (c, i) -> {
            String code = exchange(c, ApiPaths.ADMIN_CODES, codeRequest, 201, IssuedCode.class).shortCode();
            tokens[i] = exchange(c, ApiPaths.VERIFY, KeepAliveConnection.post(options.base(), verifyPath,
                    JSON.writeValueAsString(new VerifyRequest(code))), 200, VerifyResponse.class).token();
        });
        return tokens;
    }

    /** Stage 2: fresh keys and their certificate per token; checks that the certificates outlive the run. */
    CompactUpload[] prepareCertificates(String[] tokens) throws Exception {
        CompactUpload[] out = new CompactUpload[tokens.length];
        int todayStart = (int) EnIntervalNumber.dayStart(EnIntervalNumber.of(Instant.now()));
        AtomicReference<Instant> earliest = new AtomicReference<>(Instant.MAX);
        String path = ApiPaths.relative(ApiPaths.CERTIFICATE);
        prepareEach("certificates", tokens.length, (c, i) -> {
            CompactUpload u = CompactUpload.fresh(ThreadLocalRandom.current(), KEYS_PER_UPLOAD, todayStart);
            CertificateResponse cert = exchange(c, ApiPaths.CERTIFICATE, KeepAliveConnection.post(options.base(), path,
                    JSON.writeValueAsString(new CertificateRequest(tokens[i], u.keyHmac()))), 200, CertificateResponse.class);
            out[i] = u.withCertificate(cert.certificate());
            tokens[i] = null;
            earliest.accumulateAndGet(cert.expiresAt(), (a, b) -> b != null && b.isBefore(a) ? b : a);
        });
        long runSeconds = options.rate() > 0
                ? Math.min(options.seconds(), (long) Math.ceil((double) out.length / options.rate())) : options.seconds();
        Instant end = Instant.now().plusSeconds(runSeconds + 30);
        if (earliest.get().isBefore(end)) {
            throw new PreparationFailed("the first certificates expire at " + earliest.get() + ", before the run would end ("
                    + end + "): start the server with BLUEZONE_KEYS_VERIFICATION_CERTIFICATE_VALIDITY=1h, or prepare fewer uploads");
        }
        System.out.println("certificates valid until " + earliest.get() + " at the earliest");
        return out;
    }

    /** One preparation step for upload i over the worker's own connection. */
    interface Step {
        void run(KeepAliveConnection connection, int i) throws Exception;
    }

    /** Runs a step for 0..n-1 on the preparation workers; the first failure stops them all and is thrown. */
    void prepareEach(String stage, int n, Step step) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Exception> failure = new AtomicReference<>();
        int retriesBefore = retry.retries();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int w = 0; w < Math.min(n, options.prepareConcurrency()); w++) {
            Thread t = new Thread(() -> {
                try (KeepAliveConnection c = new KeepAliveConnection(options.base())) {
                    int i;
                    while (failure.get() == null && (i = next.getAndIncrement()) < n) {
                        step.run(c, i);
                        done.incrementAndGet();
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }, "prepare-" + stage + "-" + w);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
        long lastReport = start;
        for (Thread t : workers) {
            while (t.isAlive()) {
                t.join(1000);
                long now = System.nanoTime();
                if (now - lastReport >= PROGRESS_NANOS && failure.get() == null) {
                    lastReport = now;
                    System.out.printf(Locale.ROOT, "  %s: %d/%d (%.0f/s), load %.1f%n", stage, done.get(), n,
                            done.get() / ((now - start) / 1e9), MinuteFigures.loadAverage());
                }
            }
        }
        if (failure.get() != null) {
            Exception e = failure.get();
            throw e instanceof PreparationFailed p ? p
                    : new PreparationFailed("preparing " + stage + " failed: " + oneLine(e));
        }
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "prepared %d %s in %.1f s (%.0f/s, %d retries after 503/429), load %.1f%n", n, stage,
                secs, n / secs, retry.retries() - retriesBefore, MinuteFigures.loadAverage());
    }

    private byte[] request(String path, Object body, boolean officer) {
        String json = JSON.writeValueAsString(body);
        return officer ? KeepAliveConnection.post(options.base(), ApiPaths.relative(path), json, "X-Api-Key", options.apiKey())
                : KeepAliveConnection.post(options.base(), ApiPaths.relative(path), json);
    }

    /** Sends a preparation request (retrying 503 and 429) and reads the expected answer, or fails in one line. */
    private <T> T exchange(KeepAliveConnection c, String path, byte[] request, int expected, Class<T> answer)
            throws Exception {
        KeepAliveConnection.Response r = retry.send(() -> c.send(request));
        if (r.status() != expected) {
            String body = r.text().replaceAll("\\s+", " ");
            throw new PreparationFailed(path + ": HTTP " + r.status() + " "
                    + (body.length() > 200 ? body.substring(0, 200) + "..." : body)
                    + (BusyRetry.retriable(r.status()) ? " (after " + BusyRetry.MAX_ATTEMPTS + " attempts)" : ""));
        }
        return JSON.readValue(r.body(), answer);
    }

    /** Uploads of the real shape without a certificate: refused (400) before any crypto or database work. */
    private List<byte[]> baselineRequests(int distinct) {
        int todayStart = (int) EnIntervalNumber.dayStart(EnIntervalNumber.of(Instant.now()));
        String path = ApiPaths.relative(ApiPaths.DIAGNOSIS_KEYS);
        List<byte[]> out = new ArrayList<>(distinct);
        for (int i = 0; i < distinct; i++) {
            out.add(KeepAliveConnection.post(options.base(), path,
                    CompactUpload.fresh(ThreadLocalRandom.current(), KEYS_PER_UPLOAD, todayStart).json()));
        }
        return out;
    }

    /** A few hundred rejected uploads so that both phases meet a warm server. */
    void warmUp() throws Exception {
        byte[] body = KeepAliveConnection.post(options.base(), ApiPaths.relative(ApiPaths.DIAGNOSIS_KEYS),
                "{\"temporaryExposureKeys\":[{\"key\":\"AAAAAAAAAAAAAAAAAAAAAA==\",\"rollingStartIntervalNumber\":1,"
                        + "\"rollingPeriod\":144}],\"certificate\":\"\",\"hmacKey\":\"AAAAAAAAAAAAAAAAAAAAAA==\"}");
        run("warm-up", 500, i -> body, 400, 30, 0);
    }

    /**
     * Times {@code count} requests (at most {@code maxSeconds}) from {@code concurrency} workers. {@code rate} 0: each
     * worker sends its next request when the last is answered; otherwise request i is due at start + i/rate and
     * its latency counts from then.
     */
    Phase run(String name, int count, IntFunction<byte[]> requests, int expectedStatus, int maxSeconds, int rate)
            throws Exception {
        long[] latencies = new long[count];
        int[] endMillis = new int[count];
        boolean[] failed = new boolean[count];
        boolean[] sent = new boolean[count];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        List<Double> loads = Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "load-sampler");
            t.setDaemon(true);
            return t;
        });
        CpuMeter cpu = CpuMeter.start(options.serverPid());
        long start = System.nanoTime();
        long deadline = start + maxSeconds * 1_000_000_000L;
        sampler.scheduleAtFixedRate(() -> loads.add(MinuteFigures.loadAverage()), 60, 60, TimeUnit.SECONDS);
        AtomicReference<Exception> broken = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < options.concurrency(); w++) {
            Thread t = new Thread(() -> {
                try (KeepAliveConnection c = new KeepAliveConnection(options.base())) {
                    int i;
                    while ((i = next.getAndIncrement()) < count) {
                        byte[] request = requests.apply(i);
                        long due = rate > 0 ? start + (long) (i * 1e9 / rate) : 0;
                        if (rate > 0 && due >= deadline) {
                            break;
                        }
                        for (long now; rate > 0 && (now = System.nanoTime()) < due; ) {
                            LockSupport.parkNanos(due - now);
                        }
                        long t0 = rate > 0 ? due : System.nanoTime();
                        if (t0 >= deadline) {
                            break;
                        }
                        boolean ok;
                        String why = null;
                        try {
                            KeepAliveConnection.Response r = c.send(request);
                            // An upload counts only if the server says it stored all 14 keys.
                            ok = r.status() == expectedStatus && (expectedStatus != 200 || storedAll(r.text()));
                            why = ok ? null : "HTTP " + r.status() + " " + r.text();
                        } catch (Exception e) {
                            ok = false;
                            why = e.toString();
                        }
                        long t1 = System.nanoTime();
                        latencies[i] = (t1 - t0) / 1000;
                        endMillis[i] = (int) ((t1 - start) / 1_000_000);
                        failed[i] = !ok;
                        sent[i] = true;
                        if (!ok && failures.getAndIncrement() < 3) {
                            System.err.println(name + ": " + why.replaceAll("\\s+", " "));
                        }
                    }
                } catch (RuntimeException e) {
                    broken.compareAndSet(null, e);
                }
            }, name + "-" + w);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        long phaseNanos = System.nanoTime() - start;
        sampler.shutdownNow();
        CpuMeter.Used used = cpu.stop();
        if (broken.get() != null) {
            throw broken.get();
        }
        if (phaseNanos % 60_000_000_000L != 0) {
            loads.add(MinuteFigures.loadAverage()); // the last, partial minute
        }
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (sent[i]) {
                latencies[n] = latencies[i];
                endMillis[n] = endMillis[i];
                failed[n] = failed[i];
                n++;
            }
        }
        double[] loadArray = loads.stream().mapToDouble(Double::doubleValue).toArray();
        List<MinuteFigures.Minute> minutes = MinuteFigures.of(endMillis, latencies, failed, n, phaseNanos / 1_000_000,
                loadArray);
        long[] sorted = Arrays.copyOf(latencies, n);
        Arrays.sort(sorted);
        return new Phase(name, n, failures.get(), phaseNanos / 1e9, percentile(sorted, 0.50), percentile(sorted, 0.99),
                used, minutes);
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1))];
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
}
