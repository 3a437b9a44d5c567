package vn.bluezone.server.console;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;

/** Number and time formatting for the pages, per the request's language (Vietnamese groups thousands with '.'). */
public final class Formats {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    private static Locale locale() {
        Locale l = LocaleContextHolder.getLocale();
        return "en".equals(l.getLanguage()) ? Locale.UK : ConsoleLocaleConfig.VIETNAMESE;
    }

    public String n(Long v) {
        return v == null ? "—" : NumberFormat.getIntegerInstance(locale()).format(v);
    }

    public String signed(long v) {
        return (v > 0 ? "+" : "") + n(v);
    }

    public String pct(Double v) {
        if (v == null) {
            return "—";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale());
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(v * 100) + "%";
    }

    public String points(Double v) {
        if (v == null) {
            return "—";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale());
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return (v > 0 ? "+" : "") + f.format(v * 100);
    }

    /** A moment in Vietnam's time, day first ("05/03/2021 14:07"); "—" when unknown. */
    public String when(Instant t) {
        return t == null ? "—" : WHEN.format(t);
    }

    /** Raw value for sorting (data-value attributes): empty when unknown. */
    public String raw(Number v) {
        return v == null ? "" : v.toString();
    }
}
