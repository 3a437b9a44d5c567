package vn.bluezone.server.registry.attestation;

import java.util.Arrays;

/** Just enough DER (X.690) to read the App Attest nonce extension: the content of a tagged element. */
final class Der {
    private Der() {
    }

    /** The content of the first element of {@code der} with tag {@code tag}, searched among siblings at top level. */
    static byte[] content(byte[] der, int tag) {
        int at = 0;
        while (at < der.length) {
            int t = der[at++] & 0xff;
            if (at >= der.length) {
                break;
            }
            int length = der[at++] & 0xff;
            if (length > 0x80) {
                int bytes = length & 0x7f;
                if (bytes > 3 || at + bytes > der.length) {
                    break;
                }
                length = 0;
                for (int i = 0; i < bytes; i++) {
                    length = (length << 8) | (der[at++] & 0xff);
                }
            } else if (length == 0x80) {
                break; // indefinite length is not DER
            }
            if (at + length > der.length) {
                break;
            }
            if (t == tag) {
                return Arrays.copyOfRange(der, at, at + length);
            }
            at += length;
        }
        throw new IllegalArgumentException("no DER element with tag " + tag);
    }
}
