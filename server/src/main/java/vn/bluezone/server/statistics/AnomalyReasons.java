package vn.bluezone.server.statistics;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import vn.bluezone.server.console.Formats;

/** Writes an anomaly's reason from the bundles, in Vietnamese and English, for the API and the dashboard. */
@Component
public class AnomalyReasons {
    public static final Locale VI = Locale.forLanguageTag("vi");

    /** One flag as the API gives it: the rule, its figures and the reason in both languages. */
    public record View(AnomalyFlag.Rule rule, long observed, double reference, double ratio, Double populationShare,
                       String reason, String reasonEn) {
    }

    private final MessageSource messages;

    public AnomalyReasons(MessageSource messages) {
        this.messages = messages;
    }

    public List<View> views(List<AnomalyFlag> flags) {
        return flags == null ? List.of() : flags.stream().map(f -> new View(f.rule(), f.observed(), f.reference(),
                f.ratio(), f.populationShare(), text(f, VI), text(f, Locale.ENGLISH))).toList();
    }

    /** The reason in {@code locale}, its numbers written that language's way (Formats reads the current locale). */
    public String text(AnomalyFlag flag, Locale locale) {
        Locale before = LocaleContextHolder.getLocale();
        boolean wasSet = LocaleContextHolder.getLocaleContext() != null;
        try {
            LocaleContextHolder.setLocale(locale);
            return messages.getMessage(flag.messageKey(), flag.args(new Formats()), locale);
        } finally {
            LocaleContextHolder.setLocale(wasSet ? before : null);
        }
    }
}
