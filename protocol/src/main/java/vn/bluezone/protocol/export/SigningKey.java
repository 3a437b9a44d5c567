package vn.bluezone.protocol.export;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.util.Objects;

/**
 * A health authority's export signing key: a P-256 private key and the id and version under which phones
 * know its public key. Signatures are ECDSA with SHA-256 in ASN.1 DER, as the standard requires.
 */
public final class SigningKey {
    private final ECPrivateKey privateKey;
    private final SignatureInfo info;

    public SigningKey(PrivateKey privateKey, String keyId, String keyVersion) {
        this.privateKey = P256Keys.requireP256(Objects.requireNonNull(privateKey, "privateKey"));
        this.info = SignatureInfo.ecdsaP256(keyId, keyVersion);
    }

    public SignatureInfo info() {
        return info;
    }

    /** DER-encoded ECDSA P-256 SHA-256 signature of {@code data}. */
    public byte[] sign(byte[] data) {
        try {
            Signature s = Signature.getInstance("SHA256withECDSA");
            s.initSign(privateKey);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA P-256 signing failed", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKey[" + info + "]";
    }
}
