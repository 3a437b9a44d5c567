package vn.bluezone.server.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * Strict day parsing for every form, import and query: "31/11/2026" is refused, never turned into 30/11/2026
 * (java.time's default SMART resolver does that silently; issue 13, field problem 5). Accepts the Vietnamese
 * dd/mm/yyyy (d/m/yyyy too) and ISO yyyy-mm-dd (what {@code <input type="date">} sends).
 */
public final class Dates {
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private Dates() {
    }

    /** The day, or empty when {@code s} is not a real day in either form. Blank is empty too. */
    public static Optional<LocalDate> parse(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        String t = s.strip();
        try {
            return Optional.of(LocalDate.parse(t, t.contains("/") ? DMY : ISO));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Null for blank; the day; or {@code onBad} thrown for anything else. */
    public static <X extends RuntimeException> LocalDate optional(String s, java.util.function.Supplier<X> onBad) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return parse(s).orElseThrow(onBad);
    }
}
