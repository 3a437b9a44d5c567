package vn.bluezone.device.checkin;

import java.text.MessageFormat;
import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import vn.bluezone.device.messages.RenderedWarning;
import vn.bluezone.device.messages.WarningMessages;

/**
 * Check-in warnings as text, from {@code checkin_warnings_vi.properties} / {@code checkin_warnings_en.properties}
 * (Vietnamese unless the phone is in English; dates dd/mm/yyyy; NFC). The advice names the health hotline
 * {@link vn.bluezone.device.messages.HealthHotline} chose (the server's, else the app's shipped one), or none.
 */
public final class CheckinWarningMessages {
    private static final String BUNDLE = "vn.bluezone.device.checkin.checkin_warnings";

    private CheckinWarningMessages() {
    }

    public static RenderedWarning render(CheckinWarning w, Locale locale) {
        return render(w, locale, null);
    }

    /** @param hotline the health hotline to name ({@link vn.bluezone.device.messages.HealthHotline}), or null: none */
    public static RenderedWarning render(CheckinWarning w, Locale locale, String hotline) {
        Locale lang = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : WarningMessages.VIETNAMESE;
        ResourceBundle b = ResourceBundle.getBundle(BUNDLE, lang,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String kind = w.kind().name().toLowerCase(Locale.ROOT);
        String day = w.day().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        String place = w.placeAddress().isBlank() ? w.placeName() : w.placeName() + " (" + w.placeAddress() + ")";
        String body = new MessageFormat(b.getString("body." + kind), lang)
                .format(new Object[] {day, place, w.overlapMinutes(), w.officerMessage()});
        String todo = hotline == null || hotline.isBlank() ? b.getString("todo.nohotline")
                : new MessageFormat(b.getString("todo"), lang).format(new Object[] {hotline});
        return new RenderedWarning(nfc(b.getString("title." + kind)), nfc(body + " " + todo));
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
