package vn.bluezone.server.keys.submission;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC a verification certificate binds: HMAC-SHA256 under the phone's random key of the uploaded keys,
 * each written {@code base64(key).rollingStartIntervalNumber.rollingPeriod.transmissionRisk}, the strings
 * sorted and joined by commas (the design of Google's exposure-notifications-verification-server, "ekeyhmac").
 * The server computes it over the keys exactly as sent, so changing any key breaks the match.
 */
public final class KeyHmac {
    private KeyHmac() {
    }

    /** One key as sent in the upload (fields may be missing in a bad upload: they count as "null"). */
    public record Entry(String key, Integer rollingStart, Integer rollingPeriod, Integer transmissionRisk) {
        String text() {
            return key + "." + rollingStart + "." + rollingPeriod + "." + transmissionRisk;
        }
    }

    public static String message(List<Entry> keys) {
        return keys.stream().map(Entry::text).sorted().collect(Collectors.joining(","));
    }

    public static byte[] compute(byte[] hmacKey, List<Entry> keys) {
        return compute(hmacKey, keys, "");
    }

    /** With the check-ins' text appended (see {@code CheckinHmac}); an empty suffix is the keys-only HMAC. */
    public static byte[] compute(byte[] hmacKey, List<Entry> keys, String checkinSuffix) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
            return mac.doFinal((message(keys) + checkinSuffix).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    public static String computeBase64(byte[] hmacKey, List<Entry> keys) {
        return Base64.getEncoder().encodeToString(compute(hmacKey, keys));
    }
}
