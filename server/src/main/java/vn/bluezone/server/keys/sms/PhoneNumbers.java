package vn.bluezone.server.keys.sms;

import java.util.Optional;

/** Vietnamese mobile numbers (0xx or +84xx, 10 digits nationally, prefixes 3, 5, 7, 8, 9) to E.164. */
public final class PhoneNumbers {
    private PhoneNumbers() {
    }

    /** "0912 345 678", "+84912345678", "84-912-345-678" → "+84912345678"; empty when not a mobile number. */
    public static Optional<String> mobile(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String d = raw.replaceAll("[\\s.\\-()]", "");
        if (d.startsWith("+84")) {
            d = d.substring(3);
        } else if (d.startsWith("84") && d.length() == 11) {
            d = d.substring(2);
        } else if (d.startsWith("0")) {
            d = d.substring(1);
        } else {
            return Optional.empty();
        }
        return d.matches("[35789]\\d{8}") ? Optional.of("+84" + d) : Optional.empty();
    }

    /** "+84912345678" → "+8491****678", for logs. */
    public static String masked(String e164) {
        return e164.length() < 8 ? "****" : e164.substring(0, 5) + "****" + e164.substring(e164.length() - 3);
    }
}
