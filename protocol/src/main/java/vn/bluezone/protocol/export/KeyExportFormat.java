package vn.bluezone.protocol.export;

import java.nio.charset.StandardCharsets;

/**
 * Constants of the standard key export file (Google/Apple "Exposure Key Export File Format and Verification";
 * see protocol/README.md, section "Key export files", for sources).
 */
public final class KeyExportFormat {
    /** The 16-byte header of export.bin: "EK Export v1" right-padded with spaces. */
    public static final String HEADER_TEXT = "EK Export v1    ";
    public static final int HEADER_LENGTH = 16;
    public static final String EXPORT_BIN = "export.bin";
    public static final String EXPORT_SIG = "export.sig";
    /** ecdsa-with-SHA256 (RFC 5758). */
    public static final String ECDSA_P256_SHA256_OID = "1.2.840.10045.4.3.2";
    /** ecdsa-with-SHA512, which Google's reference server also allows; we verify it but never write it. */
    public static final String ECDSA_SHA512_OID = "1.2.840.10045.4.3.4";
    /** The standard allows at most 10 signatures (one per signing key during rotations). */
    public static final int MAX_SIGNATURES = 10;

    private static final byte[] HEADER = HEADER_TEXT.getBytes(StandardCharsets.US_ASCII);

    private KeyExportFormat() {
    }

    public static byte[] header() {
        return HEADER.clone();
    }

    static boolean hasHeader(byte[] exportBin) {
        if (exportBin.length < HEADER_LENGTH) {
            return false;
        }
        for (int i = 0; i < HEADER_LENGTH; i++) {
            if (exportBin[i] != HEADER[i]) {
                return false;
            }
        }
        return true;
    }

    static void putHeader(byte[] target) {
        System.arraycopy(HEADER, 0, target, 0, HEADER_LENGTH);
    }
}
