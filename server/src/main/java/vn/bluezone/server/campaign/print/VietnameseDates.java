package vn.bluezone.server.campaign.print;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates as Vietnamese documents write them: "Thứ Hai, 10/08/2020". */
public final class VietnameseDates {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[] WEEKDAYS = {"Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy",
        "Chủ nhật"};

    private VietnameseDates() {
    }

    public static String date(LocalDate d) {
        return d == null ? "" : DAY.format(d);
    }

    public static String weekday(DayOfWeek d) {
        return WEEKDAYS[d.getValue() - 1];
    }

    public static String longDate(LocalDate d) {
        return weekday(d.getDayOfWeek()) + ", " + date(d);
    }
}
