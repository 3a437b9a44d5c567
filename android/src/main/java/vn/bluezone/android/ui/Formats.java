package vn.bluezone.android.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** Dates as Vietnam writes them (dd/mm/yyyy, 24-hour), in Vietnam time, for both languages. */
final class Formats {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private Formats() {
    }

    static String day(LocalDate d) {
        return DAY.format(d);
    }

    static String days(List<LocalDate> days) {
        return days.stream().map(Formats::day).collect(Collectors.joining(", "));
    }

    /** The time of day in Vietnam, 24-hour ("06:05"). */
    static String clock(Instant t) {
        return CLOCK.format(t.atZone(VIETNAM));
    }

    static String time(Instant t) {
        return TIME.format(t.atZone(VIETNAM));
    }
}
