package vn.bluezone.api.registry;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The token of an {@link Attestation#ANDROID_KEY} attestation: the certificate chain Android's keystore returns for
 * an attested key ({@code KeyStore.getCertificateChain}), leaf first, each certificate as standard base64 (padded)
 * of its DER encoding, joined by commas. The leaf carries the key description extension (OID
 * 1.3.6.1.4.1.11129.2.1.17) whose attestation challenge is {@link AttestationBinding#digest} of the request's
 * binding text. Real chains hold 3 to 5 certificates (about 4-6 KB as a token); at most {@link #MAX_CERTIFICATES}.
 */
public final class AndroidKeyChain {
    public static final int MAX_CERTIFICATES = 10;

    private AndroidKeyChain() {
    }

    /** The token of {@code certificates} (DER, leaf first). */
    public static String token(List<byte[]> certificates) {
        StringBuilder s = new StringBuilder();
        for (byte[] der : certificates) {
            if (s.length() > 0) {
                s.append(',');
            }
            s.append(Base64.getEncoder().encodeToString(der));
        }
        return s.toString();
    }

    /**
     * The DER certificates of a token, leaf first.
     *
     * @throws IllegalArgumentException when the token is empty, holds more than {@link #MAX_CERTIFICATES} parts, or a
     *                                  part is not base64
     */
    public static List<byte[]> certificates(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("empty certificate chain");
        }
        String[] parts = token.trim().split(",", -1);
        if (parts.length > MAX_CERTIFICATES) {
            throw new IllegalArgumentException("more than " + MAX_CERTIFICATES + " certificates");
        }
        List<byte[]> out = new ArrayList<>(parts.length);
        for (String part : parts) {
            byte[] der = Base64.getDecoder().decode(part.trim());
            if (der.length == 0) {
                throw new IllegalArgumentException("an empty certificate");
            }
            out.add(der);
        }
        return out;
    }
}
