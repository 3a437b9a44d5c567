package vn.bluezone.device.report;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import vn.bluezone.protocol.TemporaryExposureKey;

/**
 * The HMAC that the verification certificate binds: HMAC-SHA256 under a random key of the keys about to be
 * uploaded, each written {@code base64(key).rollingStartIntervalNumber.rollingPeriod.transmissionRisk}, sorted,
 * joined by commas (the key server's certificate contract, as in Google's exposure-notifications-verification
 * design). The server only ever sees the HMAC until the upload, so the certificate cannot be reused for other keys.
 */
public final class KeyHmac {
    private KeyHmac() {
    }

    public static String message(List<TemporaryExposureKey> keys) {
        return keys.stream()
                .map(k -> Base64.getEncoder().encodeToString(k.keyData()) + "." + k.rollingStartIntervalNumber()
                        + "." + k.rollingPeriod() + "." + k.transmissionRiskLevel())
                .sorted()
                .collect(Collectors.joining(","));
    }

    /** Base64 of HMAC-SHA256(hmacKey, message(keys)). */
    public static String compute(byte[] hmacKey, List<TemporaryExposureKey> keys) {
        return compute(hmacKey, keys, "");
    }

    /** With the check-ins' text appended ({@code CheckinHmac.suffix}); empty for a key-only upload. */
    public static String compute(byte[] hmacKey, List<TemporaryExposureKey> keys, String checkinSuffix) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((message(keys) + checkinSuffix).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
