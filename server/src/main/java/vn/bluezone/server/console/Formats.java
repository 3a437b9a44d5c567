package vn.bluezone.server.console;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The one formatter of every page, chart, export title and message: dates dd/mm/yyyy, times in Vietnam time
 * (Asia/Ho_Chi_Minh) whatever the server's zone, numbers with Vietnamese grouping (1.234,5) and percentages
 * "2,1%" (English pages: 1,234.5 and 2.1%). Templates reach it as
 * {@code ${fmt}} ({@link ConsoleModel}); Java code calls the static methods.
 */
public final class Formats {
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm").withZone(VIETNAM);
    private static final DateTimeFormatter WHEN_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss dd/MM/uuuu")
            .withZone(VIETNAM);

    private static Locale numbers() {
        return locale();
    }

    public String n(Long v) {
        return v == null ? "—" : NumberFormat.getIntegerInstance(numbers()).format(v);
    }

    public String n(Integer v) {
        return v == null ? "—" : n(v.longValue());
    }

    public String signed(long v) {
        return (v > 0 ? "+" : "") + n(v);
    }

    /** A share (0.021) as "2,1%". */
    public String pct(Double v) {
        return v == null ? "—" : decimal(v * 100, 1) + "%";
    }

    /** A change of a share in percentage points, signed ("+1,5"). */
    public String points(Double v) {
        if (v == null) {
            return "—";
        }
        return (v > 0 ? "+" : "") + decimal(v * 100, 1);
    }

    /** A decimal with {@code digits} fraction digits, Vietnamese style ("1.234,5"). */
    public static String decimal(double v, int digits) {
        NumberFormat f = NumberFormat.getNumberInstance(numbers());
        f.setMinimumFractionDigits(digits);
        f.setMaximumFractionDigits(digits);
        return f.format(v);
    }

    /** A moment in Vietnam's time, day first ("05/03/2021 14:07"); "—" when unknown. */
    public String when(Instant t) {
        return t == null ? "—" : WHEN.format(t);
    }

    /** With seconds, time first ("14:07:09 05/03/2021"): for expiry times read out to a patient. */
    public String whenExact(Instant t) {
        return t == null ? "—" : WHEN_SECONDS.format(t);
    }

    /** A day, "05/03/2021"; "—" when unknown. */
    public String date(LocalDate d) {
        return format(d);
    }

    public static String format(LocalDate d) {
        return d == null ? "—" : DATE.format(d);
    }

    public static String format(Instant t) {
        return t == null ? "—" : WHEN.format(t);
    }

    public String time(LocalTime t) {
        return t == null ? "—" : TIME.format(t);
    }

    /** Raw value for sorting (data-value attributes): empty when unknown. */
    public String raw(Number v) {
        return v == null ? "" : v.toString();
    }

    /**
     * A day as a form field's value, "05/03/2021" ("" when unknown). Day fields are text, not {@code type="date"}:
     * the browser draws those in its own language, mm/dd/yyyy and AM/PM in an English-language Chrome, where an
     * officer typing 02/12 means 2 December (issue 13). The server reads dd/mm/yyyy (and ISO) strictly.
     */
    public String input(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    /** Raw ISO day, for links. */
    public String iso(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    static Locale locale() {
        Locale l = LocaleContextHolder.getLocale();
        return "en".equals(l.getLanguage()) ? Locale.UK : ConsoleLocaleConfig.VIETNAMESE;
    }
}
