package vn.bluezone.protocol.export;

import java.util.Objects;

/**
 * Identifies the key that signed an export file, as carried in export.bin's {@code signature_infos} and in
 * each {@code TEKSignature}. Phones look the public key up by id and version, so both are short ASCII labels
 * ({@code [a-zA-Z0-9_]} per the standard); empty strings stand for "absent" (some national servers sent none).
 *
 * @param keyId usually the country's MCC ("452" for Vietnam)
 * @param keyVersion e.g. "v1"; changes when the signing key is rotated
 * @param algorithm ASN.1 OID of the signature algorithm, {@value KeyExportFormat#ECDSA_P256_SHA256_OID}
 */
public record SignatureInfo(String keyId, String keyVersion, String algorithm) {

    public SignatureInfo {
        keyId = Objects.requireNonNullElse(keyId, "");
        keyVersion = Objects.requireNonNullElse(keyVersion, "");
        algorithm = Objects.requireNonNullElse(algorithm, "");
    }

    /** ECDSA P-256 with SHA-256, the algorithm every Bluezone signature uses. */
    public static SignatureInfo ecdsaP256(String keyId, String keyVersion) {
        return new SignatureInfo(keyId, keyVersion, KeyExportFormat.ECDSA_P256_SHA256_OID);
    }

    @Override
    public String toString() {
        return "key id '" + keyId + "' version '" + keyVersion + "' algorithm '" + algorithm + "'";
    }
}
