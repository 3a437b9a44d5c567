package vn.bluezone.device.messages;

import java.text.MessageFormat;
import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

import vn.bluezone.device.exposure.ExposureWarning;
import vn.bluezone.device.update.UpdateRequired;

/**
 * Turns a warning into text from the message catalogue ({@code warnings_vi.properties},
 * {@code warnings_en.properties}, UTF-8): the day of contact, how long and how close, the rule, and what to do.
 * Vietnamese is the default language; output is NFC.
 */
public final class WarningMessages {
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    private static final String BUNDLE = "vn.bluezone.device.messages.warnings";

    private WarningMessages() {
    }

    /** Renders in the locale's language when it is Vietnamese or English, in Vietnamese otherwise. */
    public static RenderedWarning render(ExposureWarning w, Locale locale) {
        Locale lang = language(locale);
        ResourceBundle b = bundle(lang);
        String level = w.level().name();
        String day = w.contactDay().format(DateTimeFormatter.ofPattern(b.getString("date.pattern"), lang));
        String duration = b.getString("duration." + w.duration().name());
        String closeness = b.getString("closeness." + w.closeness().name());
        String rule = format(b.getString("rule." + level), lang, formatMeters(w.ruleMeters(), lang),
                w.ruleMinutes());
        String title = b.getString("title." + level);
        String body = format(b.getString("body"), lang, b.getString("intro." + level), day, duration, closeness,
                rule, b.getString("todo." + level));
        return new RenderedWarning(nfc(title), nfc(body));
    }

    /** The notice that the app must be updated: this version, the one required, where to get it. */
    public static RenderedWarning renderUpdate(UpdateRequired u, Locale locale) {
        Locale lang = language(locale);
        ResourceBundle b = bundle(lang);
        return new RenderedWarning(nfc(b.getString("update.title")), nfc(format(b.getString("update.body"), lang,
                u.appVersion().text(), u.minimumAppVersion().text())));
    }

    private static Locale language(Locale locale) {
        return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : VIETNAMESE;
    }

    private static ResourceBundle bundle(Locale lang) {
        return ResourceBundle.getBundle(BUNDLE, lang, ResourceBundle.Control
                .getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    private static String format(String pattern, Locale locale, Object... args) {
        return new MessageFormat(pattern, locale).format(args);
    }

    private static String formatMeters(double m, Locale locale) {
        return m == Math.rint(m) ? Long.toString((long) m) : String.format(locale, "%.1f", m);
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
