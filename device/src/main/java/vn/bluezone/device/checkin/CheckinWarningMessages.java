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
 * (Vietnamese unless the phone is in English; dates dd/mm/yyyy; NFC).
 */
public final class CheckinWarningMessages {
    private static final String BUNDLE = "vn.bluezone.device.checkin.checkin_warnings";

    private CheckinWarningMessages() {
    }

    public static RenderedWarning render(CheckinWarning w, Locale locale) {
        Locale lang = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : WarningMessages.VIETNAMESE;
        ResourceBundle b = ResourceBundle.getBundle(BUNDLE, lang,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String kind = w.kind().name().toLowerCase(Locale.ROOT);
        String day = w.day().format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        String place = w.placeAddress().isBlank() ? w.placeName() : w.placeName() + " (" + w.placeAddress() + ")";
        String body = new MessageFormat(b.getString("body." + kind), lang)
                .format(new Object[] {day, place, w.overlapMinutes(), w.officerMessage()});
        return new RenderedWarning(nfc(b.getString("title." + kind)), nfc(body + " " + b.getString("todo")));
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }
}
