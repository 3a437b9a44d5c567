package vn.bluezone.bench;

import java.security.GeneralSecurityException;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vn.bluezone.protocol.matching.RpiGenerator;

/**
 * Where the optimized matcher's time per key goes (nanoseconds per key), to explain {@link MatchBenchmark}'s
 * figures: the whole {@link RpiGenerator#generate}, and its parts with the same JDK calls: the extract HMAC (Mac
 * keyed once), the expand HMAC (Mac keyed per key), the AES key schedule ({@code Cipher.init} with a new key each
 * time) and one ECB call over 144 blocks. Keys cycle through 4,096 random TEKs so that no cache of the last key helps.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class KeyCostBenchmark {

    private static final int KEYS = 4096;
    private final byte[][] teks = new byte[KEYS][16];
    private int next;
    private final RpiGenerator generator = new RpiGenerator();
    private Mac extract;
    private Mac expand;
    private Cipher ecb;
    private final byte[] prk = new byte[32];
    private final byte[] okm = new byte[32];
    private final byte[] padded = new byte[144 * 16];
    private final byte[] out = new byte[144 * 16];
    private static final byte[] INFO = {'E', 'N', '-', 'R', 'P', 'I', 'K', 1};

    @Setup
    public void setUp() throws GeneralSecurityException {
        SplittableRandom random = new SplittableRandom(1);
        for (byte[] t : teks) {
            random.nextBytes(t);
        }
        extract = Mac.getInstance("HmacSHA256");
        extract.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        expand = Mac.getInstance("HmacSHA256");
        ecb = Cipher.getInstance("AES/ECB/NoPadding");
        ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(teks[0], "AES"));
    }

    private byte[] nextTek() {
        next = (next + 1) & (KEYS - 1);
        return teks[next];
    }

    @Benchmark
    public byte[] generateAllRpis() {
        generator.generate(nextTek(), MatchWorkload.LAST_DAY, 144);
        return generator.rpis();
    }

    @Benchmark
    public byte[] hkdfExtract() throws GeneralSecurityException {
        extract.update(nextTek());
        extract.doFinal(prk, 0);
        return prk;
    }

    @Benchmark
    public byte[] hkdfExpand() throws GeneralSecurityException {
        expand.init(new SecretKeySpec(nextTek(), "HmacSHA256"));
        expand.update(INFO);
        expand.doFinal(okm, 0);
        return okm;
    }

    @Benchmark
    public Cipher aesKeySchedule() throws GeneralSecurityException {
        ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(nextTek(), "AES"));
        return ecb;
    }

    @Benchmark
    public byte[] aesEcb144Blocks() throws GeneralSecurityException {
        ecb.doFinal(padded, 0, padded.length, out, 0);
        return out;
    }
}
