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

    /** As {@link #render(ExposureWarning, Locale, String)} before any hotline arrived: the advice names none. */
    public static RenderedWarning render(ExposureWarning w, Locale locale) {
        return render(w, locale, null);
    }

    /**
     * Renders in the locale's language when it is Vietnamese or English, in Vietnamese otherwise.
     *
     * @param hotline the health hotline to name ({@link HealthHotline}: the server's, else the app's shipped one), or
     *                null: the F1 advice then names the health station only ({@code todo.F1.nohotline})
     */
    public static RenderedWarning render(ExposureWarning w, Locale locale, String hotline) {
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
                rule, todo(b, lang, level, hotline));
        return new RenderedWarning(nfc(title), nfc(body));
    }

    /** The notice that the app must be updated: this version, the one required, where to get it. */
    public static RenderedWarning renderUpdate(UpdateRequired u, Locale locale) {
        Locale lang = language(locale);
        ResourceBundle b = bundle(lang);
        return new RenderedWarning(nfc(b.getString("update.title")), nfc(format(b.getString("update.body"), lang,
                u.appVersion().text(), u.minimumAppVersion().text())));
    }

    private static String todo(ResourceBundle b, Locale lang, String level, String hotline) {
        String key = "todo." + level;
        if (hotline == null || hotline.isBlank()) {
            return b.containsKey(key + ".nohotline") ? b.getString(key + ".nohotline") : b.getString(key);
        }
        return format(b.getString(key), lang, hotline);
    }

    private static Locale language(Locale locale) {
        return "en".equals(locale.getLanguage()) ? Locale.ENGLISH : VIETNAMESE;
    }

    private static ResourceBundle bundle(Locale lang) {
        return ResourceBundle.getBundle(BUNDLE, lang, Utf8Properties.INSTANCE);
    }

    /**
     * Properties bundles read as UTF-8 with no fallback to the platform's locale. The JDK reads them as UTF-8 since
     * Java 9, but Android's older class libraries read ISO-8859-1, which would garble every Vietnamese letter.
     */
    private static final class Utf8Properties extends ResourceBundle.Control {
        static final Utf8Properties INSTANCE = new Utf8Properties();

        @Override
        public java.util.List<String> getFormats(String baseName) {
            return FORMAT_PROPERTIES;
        }

        @Override
        public Locale getFallbackLocale(String baseName, Locale locale) {
            return null;
        }

        @Override
        public ResourceBundle newBundle(String baseName, Locale locale, String format, ClassLoader loader,
                                        boolean reload) throws java.io.IOException {
            String resource = toResourceName(toBundleName(baseName, locale), "properties");
            java.io.InputStream in = loader.getResourceAsStream(resource);
            if (in == null) {
                return null;
            }
            try (java.io.Reader r = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
                return new java.util.PropertyResourceBundle(r);
            }
        }
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
