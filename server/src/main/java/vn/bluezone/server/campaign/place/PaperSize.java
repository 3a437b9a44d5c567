package vn.bluezone.server.campaign.place;

import java.util.Locale;

/** Poster paper sizes (ISO 216): A4 for a desk or a stall, A3 for a notice board or a market gate. */
public enum PaperSize {
    A4,
    A3;

    public static PaperSize parse(String s) {
        if (s == null || s.isBlank()) {
            return A4;
        }
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("paper size must be A4 or A3, not '" + s + "'");
        }
    }
}
