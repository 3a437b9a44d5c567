package vn.bluezone.protocol.export;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;
import java.util.Objects;

/**
 * A public key that phones (and our tools) trust for export files, optionally bound to a key id and version.
 * When both the key and a signature state an id (or a version), they must agree for the key to be tried;
 * an unset or empty id matches any, because several national servers signed without one.
 */
public final class VerificationKey {
    private final ECPublicKey publicKey;
    private final String keyId;
    private final String keyVersion;

    public VerificationKey(PublicKey publicKey, String keyId, String keyVersion) {
        this.publicKey = P256Keys.requireP256(Objects.requireNonNull(publicKey, "publicKey"));
        this.keyId = keyId == null ? "" : keyId;
        this.keyVersion = keyVersion == null ? "" : keyVersion;
    }

    /** A key trusted for any key id and version. */
    public static VerificationKey of(PublicKey publicKey) {
        return new VerificationKey(publicKey, null, null);
    }

    public ECPublicKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return keyId;
    }

    public String keyVersion() {
        return keyVersion;
    }

    /** Whether this key is the one a signature with {@code info} names (by id and version, where both state one). */
    public boolean appliesTo(SignatureInfo info) {
        return agrees(keyId, info.keyId()) && agrees(keyVersion, info.keyVersion());
    }

    private static boolean agrees(String mine, String theirs) {
        return mine.isEmpty() || theirs.isEmpty() || mine.equals(theirs);
    }

    /**
     * True when {@code signature} (ASN.1 DER ECDSA) verifies over {@code data}. SHA-512 is used only when the
     * signature says 1.2.840.10045.4.3.4; anything else, including the free-text names some servers wrote,
     * is checked as SHA-256, the standard's algorithm. Malformed signatures simply do not verify.
     */
    public boolean verifies(byte[] data, byte[] signature, String algorithm) {
        String jca = KeyExportFormat.ECDSA_SHA512_OID.equals(algorithm) ? "SHA512withECDSA" : "SHA256withECDSA";
        try {
            Signature s = Signature.getInstance(jca);
            s.initVerify(publicKey);
            s.update(data);
            return s.verify(signature);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA verification is unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "VerificationKey[id '" + keyId + "' version '" + keyVersion + "']";
    }
}
