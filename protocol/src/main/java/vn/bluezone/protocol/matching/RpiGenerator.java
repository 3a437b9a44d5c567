package vn.bluezone.protocol.matching;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import vn.bluezone.protocol.TemporaryExposureKey;

/**
 * Produces a diagnosis key's Rolling Proximity Identifiers as fast as the JDK allows, following the Exposure
 * Notification cryptography specification v1.2:
 * <pre>
 *   RPIK  = HKDF-SHA256(TEK, salt = none, info = "EN-RPIK", 16 bytes)
 *   RPI_j = AES-128-ECB(RPIK, "EN-RPI" ‖ 6×0x00 ‖ ENIntervalNumber_j as 4 bytes little-endian)
 *   AEMK  = HKDF-SHA256(TEK, salt = none, info = "EN-AEMK", 16 bytes)
 *   AEM   = AES-128-CTR(AEMK, IV = RPI, metadata)
 * </pre>
 * Per key the work is: one HMAC for the HKDF extract step with a Mac keyed once for the generator's lifetime (an
 * absent salt is HashLen zero bytes, RFC 5869 §2.2), one HMAC for the expand step, one AES key schedule, and one
 * {@link Cipher#doFinal} over all padded blocks at once into a reused output buffer. The padded-data buffer is built
 * once; only its interval bytes are rewritten, and not even those when consecutive keys share a rolling start (the
 * common case: daily keys of the same day). The AEMK is derived only on demand, i.e. only for keys that matched.
 *
 * <p>Not thread-safe: every thread uses its own generator (they are cheap next to the keys they process).
 */
public final class RpiGenerator {

    static final int BLOCK = 16;
    private static final int MAX_PERIOD = TemporaryExposureKey.MAX_ROLLING_PERIOD;
    private static final byte[] PADDED_PREFIX = "EN-RPI".getBytes(StandardCharsets.US_ASCII);
    /** HKDF-expand input for the first (and only needed) output block: info ‖ 0x01. */
    private static final byte[] RPIK_INFO_1 = expandInput("EN-RPIK");
    private static final byte[] AEMK_INFO_1 = expandInput("EN-AEMK");

    private final Mac extract;
    private final Mac expand;
    private final Cipher ecb;
    private Cipher ctr;

    private final byte[] prk = new byte[32];
    private final byte[] okm = new byte[32];     // first 16 bytes: RPIK of the current key
    private final byte[] aemOkm = new byte[32];  // first 16 bytes: AEMK of the current key, once derived
    private final byte[] padded = new byte[MAX_PERIOD * BLOCK];
    private final byte[] rpis = new byte[MAX_PERIOD * BLOCK];
    private long filledStart = -1;
    private int filledCount;
    private boolean keyLoaded;
    private boolean aemkReady;

    public RpiGenerator() {
        try {
            extract = Mac.getInstance("HmacSHA256");
            extract.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
            expand = Mac.getInstance("HmacSHA256");
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256 or AES", e);
        }
        for (int j = 0; j < MAX_PERIOD; j++) {
            System.arraycopy(PADDED_PREFIX, 0, padded, j * BLOCK, PADDED_PREFIX.length);
        }
    }

    /**
     * Derives the RPIs of {@code tek} for intervals {@code start .. start+count-1} into {@link #rpis()}
     * (RPI j at offset 16·j) and loads the key for {@link #decryptMetadata}.
     *
     * @return {@code count}
     */
    public int generate(byte[] tek, long start, int count) {
        if (tek.length != TemporaryExposureKey.KEY_LENGTH) {
            throw new IllegalArgumentException("TEK must be 16 bytes, was " + tek.length);
        }
        if (count < 1 || count > MAX_PERIOD) {
            throw new IllegalArgumentException("count must be 1..144, was " + count);
        }
        try {
            extract.update(tek);
            extract.doFinal(prk, 0); // doFinal resets the Mac but keeps its zero-salt key
            expandFirstBlock(RPIK_INFO_1, okm);
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(okm, 0, 16, "AES"));
            fillIntervals(start, count);
            ecb.doFinal(padded, 0, count * BLOCK, rpis, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RPI derivation failed", e);
        }
        keyLoaded = true;
        aemkReady = false;
        return count;
    }

    /** Convenience for a whole key: all RPIs of its rolling period. */
    public int generate(TemporaryExposureKey key) {
        return generate(key.keyData(), Integer.toUnsignedLong(key.rollingStartIntervalNumber()), key.rollingPeriod());
    }

    /** The reused output buffer: RPI j of the last {@link #generate} call at offset 16·j. Do not keep it. */
    public byte[] rpis() {
        return rpis;
    }

    /** A copy of RPI j of the last generated key. */
    public byte[] rpi(int j) {
        return Arrays.copyOfRange(rpis, j * BLOCK, (j + 1) * BLOCK);
    }

    /** RPIK of the last generated key (a copy; for tests and diagnostics). */
    public byte[] rpik() {
        requireKey();
        return Arrays.copyOf(okm, 16);
    }

    /** AEMK of the last generated key, derived from the kept PRK on first use. */
    public byte[] aemk() {
        requireKey();
        loadAemk();
        return Arrays.copyOf(aemOkm, 16);
    }

    /** Decrypts a 4-byte AEM received with {@code rpi}, using the last generated key's AEMK (CTR, IV = RPI). */
    public byte[] decryptMetadata(byte[] rpi, byte[] aem) {
        Objects.requireNonNull(rpi, "rpi");
        Objects.requireNonNull(aem, "aem");
        if (rpi.length != BLOCK || aem.length != 4) {
            throw new IllegalArgumentException("RPI must be 16 bytes and AEM 4 bytes");
        }
        requireKey();
        loadAemk();
        try {
            if (ctr == null) {
                ctr = Cipher.getInstance("AES/CTR/NoPadding");
            }
            ctr.init(Cipher.DECRYPT_MODE, new SecretKeySpec(aemOkm, 0, 16, "AES"), new IvParameterSpec(rpi));
            return ctr.doFinal(aem);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AEM decryption failed", e);
        }
    }

    private void loadAemk() {
        if (!aemkReady) {
            try {
                expandFirstBlock(AEMK_INFO_1, aemOkm); // same PRK as the RPIK: no second extract
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AEMK derivation failed", e);
            }
            aemkReady = true;
        }
    }

    private void expandFirstBlock(byte[] infoAndCounter, byte[] out) throws GeneralSecurityException {
        expand.init(new SecretKeySpec(prk, "HmacSHA256"));
        expand.update(infoAndCounter);
        expand.doFinal(out, 0);
    }

    private void fillIntervals(long start, int count) {
        if (start == filledStart && count <= filledCount) {
            return; // same rolling start as the previous key: the interval bytes are already right
        }
        for (int j = 0; j < count; j++) {
            int n = (int) (start + j);
            int o = j * BLOCK + 12;
            padded[o] = (byte) n;
            padded[o + 1] = (byte) (n >>> 8);
            padded[o + 2] = (byte) (n >>> 16);
            padded[o + 3] = (byte) (n >>> 24);
        }
        filledStart = start;
        filledCount = count;
    }

    private void requireKey() {
        if (!keyLoaded) {
            throw new IllegalStateException("no key generated yet");
        }
    }

    private static byte[] expandInput(String info) {
        byte[] s = info.getBytes(StandardCharsets.US_ASCII);
        byte[] out = Arrays.copyOf(s, s.length + 1);
        out[s.length] = 1;
        return out;
    }
}
