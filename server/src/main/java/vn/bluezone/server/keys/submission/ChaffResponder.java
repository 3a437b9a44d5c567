package vn.bluezone.server.keys.submission;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.springframework.stereotype.Component;
import vn.bluezone.api.submission.DiagnosisKeysResponse;
import vn.bluezone.api.submission.KeyResult;
import vn.bluezone.server.keys.KeysProperties;

/**
 * Plausible deniability: phones send fake uploads ({@code X-Chaff: 1}) so that an observer of the network
 * cannot tell who uploads real keys. A chaff request stores nothing, and its answer is built by the same code
 * as a real one (same fields, one ACCEPTED result per key sent), padded to a total size drawn from the sizes of
 * recent real answers, and answered after a delay drawn from the latencies of recent real uploads: both learnt
 * from real traffic, so neither the size nor the timing of an answer tells chaff from a real upload. Before any
 * real upload was seen, the padding is drawn from the configured range and the delay is a default.
 */
@Component
public class ChaffResponder {
    private static final int SAMPLES = 1024;
    private static final long DEFAULT_LATENCY_NANOS = 30_000_000L;
    private static final long MAX_LATENCY_NANOS = 2_000_000_000L;

    private final SecureRandom random;
    private final KeysProperties.Submission cfg;
    private final AtomicLongArray latencies = new AtomicLongArray(SAMPLES);
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicIntegerArray sizes = new AtomicIntegerArray(SAMPLES);
    private final AtomicInteger sizeCount = new AtomicInteger();
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
    private static final char[] PAD_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();

    public ChaffResponder(SecureRandom random, KeysProperties props) {
        this.random = random;
        this.cfg = props.submission();
    }

    /** Learns from a real upload's handling time. */
    public void recordReal(long nanos) {
        int i = count.getAndIncrement();
        latencies.set(Math.floorMod(i, SAMPLES), Math.min(nanos, MAX_LATENCY_NANOS));
    }

    /** Learns from a real answer: its size as JSON, padding included. */
    public void recordRealSize(DiagnosisKeysResponse real) {
        int i = sizeCount.getAndIncrement();
        sizes.set(Math.floorMod(i, SAMPLES), unpaddedSize(real) + real.padding().length());
    }

    /** Size in bytes of {@code r} as JSON with its padding left out: what the padding must make up to a total. */
    public static int unpaddedSize(DiagnosisKeysResponse r) {
        return JSON.writeValueAsBytes(new DiagnosisKeysResponse(r.insertedExposures(), r.results(), "",
                r.checkinResults())).length;
    }

    /** A latency drawn from recent real uploads (a default before any was seen). */
    public long sampleLatencyNanos() {
        int n = Math.min(count.get(), SAMPLES);
        if (n == 0) {
            return DEFAULT_LATENCY_NANOS;
        }
        return latencies.get(random.nextInt(n));
    }

    /** The answer to a chaff upload of {@code keyCount} keys: every key "accepted", nothing stored. */
    public DiagnosisKeysResponse fakeResponse(int keyCount) {
        return fakeResponse(keyCount, 0);
    }

    /** The same with {@code checkinCount} check-ins, each "accepted" (check-ins are covered by chaff too). */
    public DiagnosisKeysResponse fakeResponse(int keyCount, int checkinCount) {
        List<KeyResult> checkinResults = null;
        if (checkinCount > 0) {
            checkinResults = new ArrayList<>();
            for (int i = 0; i < Math.min(checkinCount, vn.bluezone.api.ApiLimits.MAX_CHECKINS_PER_UPLOAD); i++) {
                checkinResults.add(KeyResult.accepted(i));
            }
        }
        int n = Math.max(1, Math.min(keyCount, cfg.maxKeys()));
        List<KeyResult> results = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            results.add(KeyResult.accepted(i));
        }
        int learnt = Math.min(sizeCount.get(), SAMPLES);
        if (learnt == 0) {
            return new DiagnosisKeysResponse(n, results, padding(), checkinResults);
        }
        DiagnosisKeysResponse bare = new DiagnosisKeysResponse(n, results, "", checkinResults);
        int padChars = Math.max(0, sizes.get(random.nextInt(learnt)) - unpaddedSize(bare));
        char[] pad = new char[padChars];
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < padChars; i++) {
            pad[i] = PAD_ALPHABET[r.nextInt(PAD_ALPHABET.length)];
        }
        return new DiagnosisKeysResponse(n, results, new String(pad), checkinResults);
    }

    /** Random padding for every answer, real or chaff. */
    public String padding() {
        // Padding is noise inside TLS: it needs no secrecy, so a fast generator spares the shared SecureRandom.
        java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
        int len = cfg.minPaddingBytes() + r.nextInt(cfg.maxPaddingBytes() - cfg.minPaddingBytes());
        byte[] b = new byte[len];
        r.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    /** Waits until {@code startNanos + sampled latency}, so that chaff answers take as long as real ones. */
    public void delay(long startNanos) {
        long wait = startNanos + sampleLatencyNanos() - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
