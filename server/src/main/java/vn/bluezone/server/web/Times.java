package vn.bluezone.server.web;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * Strict time-of-day parsing for forms: "7:30" and "07:30" (24-hour clock, as Vietnam writes it); "24:00", "7:60"
 * or "7h30" are refused. Time fields are text, not {@code type="time"}, which an English-language browser shows
 * with AM/PM (issue 13).
 */
public final class Times {
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("H:mm")
            .withResolverStyle(ResolverStyle.STRICT);

    private Times() {
    }

    /** The time, or empty when {@code s} is blank or not a time of day. */
    public static Optional<LocalTime> parse(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalTime.parse(s.strip(), HM));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
