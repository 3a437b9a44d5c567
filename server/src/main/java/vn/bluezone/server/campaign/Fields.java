package vn.bluezone.server.campaign;

import java.text.Normalizer;
import vn.bluezone.api.ErrorCode;

/**
 * Input checks shared by the campaign forms and APIs: NFC, trimmed, bounded, with a clear 400 otherwise. A refusal
 * names its field ({@link CampaignProblem#field()}) as the JSON body and the console form both spell it
 * ({@code fullName}, {@code villageCode}), so a page puts the message next to its input and an API answer lists it
 * in {@code fields} without reading the English message.
 */
public final class Fields {
    private Fields() {
    }

    /** {@code value} stripped and NFC; blank is refused ({@code FIELD_REQUIRED}) naming {@code field}. */
    public static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new CampaignProblem(ErrorCode.FIELD_REQUIRED, field + " is required", field);
        }
        return bounded(value, field, max);
    }

    /** Null or blank becomes null. */
    public static String optional(String value, String field, int max) {
        return value == null || value.isBlank() ? null : bounded(value, field, max);
    }

    private static String bounded(String value, String field, int max) {
        String v = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
        if (v.length() > max) {
            throw new CampaignProblem(ErrorCode.FIELD_TOO_LONG, field + " is longer than " + max + " characters",
                    field);
        }
        return v;
    }
}
