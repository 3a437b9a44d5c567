package vn.bluezone.protocol.crypto;

import vn.bluezone.protocol.Hex;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import vn.bluezone.protocol.TemporaryExposureKey;

/**
 * RPIK = HKDF-SHA256(TEK, salt empty, info "EN-RPIK", 16 bytes); it encrypts one padded block per 10-minute
 * interval into the Rolling Proximity Identifiers a phone broadcasts (EN cryptography specification v1.2).
 */
public final class RollingProximityIdentifierKey {
    public static final int LENGTH = 16;
    private static final byte[] INFO = "EN-RPIK".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PADDING_PREFIX = "EN-RPI".getBytes(StandardCharsets.US_ASCII);
    /** Largest ENIntervalNumber: the value is an unsigned 32-bit integer. */
    public static final long MAX_INTERVAL = 0xFFFF_FFFFL;

    /** Looking a cipher up costs more than encrypting a day of RPIs; each thread keeps one and re-keys it. */
    private static final ThreadLocal<Cipher> ECB = ThreadLocal.withInitial(() -> cipher("AES/ECB/NoPadding"));

    private final byte[] key;

    private RollingProximityIdentifierKey(byte[] key) {
        this.key = key;
    }

    public static RollingProximityIdentifierKey derive(TemporaryExposureKey tek) {
        return derive(tek.keyData());
    }

    public static RollingProximityIdentifierKey derive(byte[] tekKeyData) {
        byte[] tek = Bytes.copyOfLength(tekKeyData, TemporaryExposureKey.KEY_LENGTH, "TEK");
        return new RollingProximityIdentifierKey(Hkdf.derive(tek, null, INFO, LENGTH));
    }

    public byte[] bytes() {
        return key.clone();
    }

    public String hex() {
        return Hex.format(key);
    }

    /** RPI_j = AES-128-ECB(RPIK, PaddedData_j). */
    public RollingProximityIdentifier rpi(long enIntervalNumber) {
        return rpis(enIntervalNumber, 1).get(0);
    }

    /**
     * The RPIs of {@code count} consecutive intervals from {@code firstInterval}. ECB encrypts each block on its
     * own, so all padded blocks go through one cipher call.
     */
    public List<RollingProximityIdentifier> rpis(long firstInterval, int count) {
        checkRange(firstInterval, count);
        byte[] blocks = new byte[count * RollingProximityIdentifier.LENGTH];
        for (int i = 0; i < count; i++) {
            writePaddedData(firstInterval + i, blocks, i * RollingProximityIdentifier.LENGTH);
        }
        byte[] encrypted = aesEcb(blocks);
        List<RollingProximityIdentifier> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int from = i * RollingProximityIdentifier.LENGTH;
            out.add(new RollingProximityIdentifier(
                    Arrays.copyOfRange(encrypted, from, from + RollingProximityIdentifier.LENGTH)));
        }
        return out;
    }

    /** PaddedData_j = "EN-RPI" ‖ six 0x00 bytes ‖ ENIntervalNumber_j as 4 bytes little-endian. */
    public static byte[] paddedData(long enIntervalNumber) {
        checkRange(enIntervalNumber, 1);
        byte[] block = new byte[RollingProximityIdentifier.LENGTH];
        writePaddedData(enIntervalNumber, block, 0);
        return block;
    }

    private static void writePaddedData(long interval, byte[] out, int offset) {
        System.arraycopy(PADDING_PREFIX, 0, out, offset, PADDING_PREFIX.length);
        // bytes 6..11 stay zero
        out[offset + 12] = (byte) interval;
        out[offset + 13] = (byte) (interval >>> 8);
        out[offset + 14] = (byte) (interval >>> 16);
        out[offset + 15] = (byte) (interval >>> 24);
    }

    static void checkRange(long firstInterval, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("interval count must be at least 1, was " + count);
        }
        if (firstInterval < 0 || firstInterval > MAX_INTERVAL) {
            throw new IllegalArgumentException("ENIntervalNumber must be 0.." + MAX_INTERVAL + ", was " + firstInterval);
        }
        if (firstInterval + count - 1 > MAX_INTERVAL) {
            throw new IllegalArgumentException("intervals " + firstInterval + ".." + (firstInterval + count - 1)
                    + " go past the largest ENIntervalNumber " + MAX_INTERVAL);
        }
        if ((long) count * RollingProximityIdentifier.LENGTH > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("too many intervals in one call: " + count);
        }
    }

    private byte[] aesEcb(byte[] blocks) {
        try {
            Cipher c = ECB.get();
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            return c.doFinal(blocks);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/ECB unavailable", e);
        }
    }

    static Cipher cipher(String transformation) {
        try {
            return Cipher.getInstance(transformation);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(transformation + " unavailable", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RollingProximityIdentifierKey k && Arrays.equals(key, k.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    /** Does not print the key: it links every RPI of its day. */
    @Override
    public String toString() {
        return "RollingProximityIdentifierKey[redacted]";
    }
}
