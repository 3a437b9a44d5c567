package vn.bluezone.protocol.crypto;

import java.security.GeneralSecurityException;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869), the key derivation function of the Exposure Notification cryptography
 * specification v1.2. Written here on {@link Mac} because the JDK has no public HKDF before Java 24 and the
 * protocol module takes no crypto library.
 */
public final class Hkdf {
    static final String HMAC = "HmacSHA256";
    /** Output length of SHA-256 in bytes (HashLen in RFC 5869). */
    public static final int HASH_LENGTH = 32;

    private Hkdf() {
    }

    /** HKDF(ikm, salt, info, length) = Expand(Extract(salt, ikm), info, length). */
    public static byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length) {
        return expand(extract(salt, ikm), info, length);
    }

    /**
     * Extract step: PRK = HMAC-SHA256(salt, ikm). An empty or absent salt means HashLen zero bytes (RFC 5869 §2.2);
     * we pass those zeros explicitly because {@link SecretKeySpec} rejects empty keys (HMAC zero-pads keys anyway,
     * so the result is the same).
     */
    public static byte[] extract(byte[] salt, byte[] ikm) {
        Objects.requireNonNull(ikm, "ikm");
        byte[] key = (salt == null || salt.length == 0) ? new byte[HASH_LENGTH] : salt;
        return hmac(key).doFinal(ikm);
    }

    /** Expand step: T(i) = HMAC(PRK, T(i-1) ‖ info ‖ i), concatenated and cut to {@code length} bytes. */
    public static byte[] expand(byte[] prk, byte[] info, int length) {
        Objects.requireNonNull(prk, "prk");
        if (length < 1 || length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF output length must be 1.." + 255 * HASH_LENGTH + ", was " + length);
        }
        byte[] inf = info == null ? new byte[0] : info;
        Mac mac = hmac(prk);
        byte[] out = new byte[length];
        byte[] t = new byte[0];
        int done = 0;
        for (int i = 1; done < length; i++) {
            mac.update(t);
            mac.update(inf);
            mac.update((byte) i);
            t = mac.doFinal();
            int n = Math.min(t.length, length - done);
            System.arraycopy(t, 0, out, done, n);
            done += n;
        }
        return out;
    }

    private static Mac hmac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory in every Java SE runtime; reaching this means a broken JDK.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
