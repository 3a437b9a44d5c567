package vn.bluezone.protocol.checkin;

import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The text of the check-ins a case uploads, bound by the verification certificate together with the keys: each
 * report written {@code base64(locationIdHash).base64(iv).base64(encryptedRecord).base64(mac)}, sorted, joined
 * by commas. The phone appends {@code ";" + text} to the keys' HMAC message when it uploads check-ins
 * (nothing when it uploads none, so key-only uploads keep the original message).
 */
public final class CheckinHmac {
    public static final String SEPARATOR = ";";

    private CheckinHmac() {
    }

    /** One uploaded report as sent (fields may be null in a bad upload: they count as "null"). */
    public record Entry(String locationIdHash, String iv, String encryptedRecord, String mac) {
        String text() {
            return locationIdHash + "." + iv + "." + encryptedRecord + "." + mac;
        }

        public static Entry of(ProtectedReport r) {
            Base64.Encoder b = Base64.getEncoder();
            return new Entry(b.encodeToString(r.locationIdHash()), b.encodeToString(r.iv()),
                    b.encodeToString(r.encryptedRecord()), b.encodeToString(r.mac()));
        }
    }

    /** What to append to the keys' HMAC message: empty for no check-ins. */
    public static String suffix(List<Entry> checkins) {
        if (checkins == null || checkins.isEmpty()) {
            return "";
        }
        return SEPARATOR + checkins.stream().map(e -> e == null ? "null" : e.text()).sorted()
                .collect(Collectors.joining(","));
    }
}
