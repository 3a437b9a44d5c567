package vn.bluezone.simulator.report;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The report's words and numbers in one language: texts from {@code report.properties} (Vietnamese, the default) or
 * {@code report_en.properties}, numbers as that language writes them (1.234,5 and 2,1% in Vietnamese; 1,234.5 and
 * 2.1% in English), like the console.
 */
public final class ReportText {
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    private final Locale locale;
    private final ResourceBundle bundle;

    private ReportText(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("vn.bluezone.simulator.report.report", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** "vi" (default) or "en"; anything else is refused. */
    public static ReportText of(String lang) {
        String l = lang == null || lang.isBlank() ? "vi" : lang.strip().toLowerCase(Locale.ROOT);
        return switch (l) {
            case "vi" -> new ReportText(VIETNAMESE);
            case "en" -> new ReportText(Locale.ENGLISH);
            default -> throw new IllegalArgumentException("report language must be vi or en, not '" + lang + "'");
        };
    }

    public String lang() {
        return bundle.getString("lang");
    }

    /** The text of {@code key} with {@code args} (already formatted) put in. */
    public String t(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }

    public Locale locale() {
        return locale;
    }

    public String num(double v) {
        return Double.isNaN(v) ? "–" : String.format(locale, "%,.2f", v);
    }

    public String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(locale, "%,.1f%%", v * 100);
    }

    public String n(long v) {
        return String.format(locale, "%,d", v);
    }
}
