package vn.bluezone.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import vn.bluezone.api.submission.CheckinReport;
import vn.bluezone.api.submission.DiagnosisKey;

/**
 * The HMAC a verification certificate binds ({@code ekeyhmac}): HMAC-SHA256, under a random key of the phone, of
 * the keys about to be uploaded, each written {@code base64(key).rollingStartIntervalNumber.rollingPeriod.transmissionRisk},
 * the strings sorted and joined by commas (the design of Google's exposure-notifications-verification-server).
 * The phone computes it before asking for a certificate; the server computes it again over the keys exactly as
 * sent (a missing field is written {@code null}), so a certificate cannot carry other keys.
 */
public final class KeyHmac {
    private KeyHmac() {
    }

    /** The text that is signed: every key's line, sorted, comma-joined. */
    public static String message(List<DiagnosisKey> keys) {
        List<String> lines = new ArrayList<>(keys.size());
        for (DiagnosisKey k : keys) {
            lines.add(k == null ? "null.null.null.null"
                    : k.key() + "." + k.rollingStartIntervalNumber() + "." + k.rollingPeriod() + "." + k.transmissionRisk());
        }
        Collections.sort(lines);
        return String.join(",", lines);
    }

    public static byte[] compute(byte[] hmacKey, List<DiagnosisKey> keys) {
        return compute(hmacKey, keys, null);
    }

    /**
     * With check-ins: the keys' message, then {@code ";"} and every check-in's {@link CheckinReport#hmacLine()},
     * sorted, comma-joined. Nothing is appended without check-ins, so key-only uploads keep their HMAC.
     */
    public static byte[] compute(byte[] hmacKey, List<DiagnosisKey> keys, List<CheckinReport> checkins) {
        String text = message(keys) + checkinSuffix(checkins);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Base64 of {@link #compute}: the {@code ekeyhmac} of a certificate request. */
    /** {@code ";" + sorted check-in lines}, or empty when there are none. */
    public static String checkinSuffix(List<CheckinReport> checkins) {
        if (checkins == null || checkins.isEmpty()) {
            return "";
        }
        List<String> lines = new ArrayList<>(checkins.size());
        for (CheckinReport c : checkins) {
            lines.add(c == null ? "null" : c.hmacLine());
        }
        Collections.sort(lines);
        return ";" + String.join(",", lines);
    }

    public static String computeBase64(byte[] hmacKey, List<DiagnosisKey> keys, List<CheckinReport> checkins) {
        return Base64.getEncoder().encodeToString(compute(hmacKey, keys, checkins));
    }

    public static String computeBase64(byte[] hmacKey, List<DiagnosisKey> keys) {
        return Base64.getEncoder().encodeToString(compute(hmacKey, keys));
    }
}
