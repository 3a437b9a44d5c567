package vn.bluezone.protocol.crypto;

import vn.bluezone.protocol.Hex;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import vn.bluezone.protocol.TemporaryExposureKey;

/**
 * AEMK = HKDF-SHA256(TEK, salt empty, info "EN-AEMK", 16 bytes). AEM = AES-128-CTR(AEMK, IV = RPI, metadata):
 * only a phone that learns the TEK (a published diagnosis key) can read the transmit power it needs for the
 * attenuation, and only for RPIs that matched (EN cryptography specification v1.2).
 */
public final class AssociatedEncryptedMetadataKey {
    public static final int LENGTH = 16;
    private static final byte[] INFO = "EN-AEMK".getBytes(StandardCharsets.US_ASCII);

    /** One cipher per thread, re-keyed per call (see {@code RollingProximityIdentifierKey}). */
    private static final ThreadLocal<Cipher> CTR = ThreadLocal.withInitial(
            () -> RollingProximityIdentifierKey.cipher("AES/CTR/NoPadding"));

    private final byte[] key;

    private AssociatedEncryptedMetadataKey(byte[] key) {
        this.key = key;
    }

    public static AssociatedEncryptedMetadataKey derive(TemporaryExposureKey tek) {
        return derive(tek.keyData());
    }

    public static AssociatedEncryptedMetadataKey derive(byte[] tekKeyData) {
        byte[] tek = Bytes.copyOfLength(tekKeyData, TemporaryExposureKey.KEY_LENGTH, "TEK");
        return new AssociatedEncryptedMetadataKey(Hkdf.derive(tek, null, INFO, LENGTH));
    }

    public byte[] bytes() {
        return key.clone();
    }

    public String hex() {
        return Hex.format(key);
    }

    public AssociatedEncryptedMetadata encrypt(RollingProximityIdentifier rpi, BluetoothMetadata metadata) {
        return new AssociatedEncryptedMetadata(ctr(rpi, metadata.bytes()));
    }

    /** CTR is its own inverse: decrypting runs the same keystream over the AEM. */
    public BluetoothMetadata decrypt(RollingProximityIdentifier rpi, AssociatedEncryptedMetadata aem) {
        return BluetoothMetadata.of(ctr(rpi, aem.bytes()));
    }

    private byte[] ctr(RollingProximityIdentifier rpi, byte[] data) {
        try {
            Cipher c = CTR.get();
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(rpi.bytes()));
            return c.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR unavailable", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AssociatedEncryptedMetadataKey k && Arrays.equals(key, k.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
        return "AssociatedEncryptedMetadataKey[redacted]";
    }
}
