package vn.bluezone.server.campaign.print;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What the shared header and signature block of a printed administrative document (templates/print/form.html) say.
 *
 * @param issuer        the issuing body ("UBND xã Quảng Ngạn"), printed in capitals
 * @param numberSuffix  what follows the blank number a clerk fills in ("/BC-UBND")
 * @param place         the place of issue ("Quảng Ngạn")
 * @param date          the date of issue
 * @param recipientKeys message keys of the recipients listed under "Nơi nhận" (the archive line is always added)
 */
public record AdministrativeForm(String issuer, String numberSuffix, String place, LocalDate date,
        List<String> recipientKeys) {
    private static final Locale VI = PdfRenderer.VIETNAMESE;
    /** The kind word in front of a unit's name, left out of the place of issue ("Xã Quảng Ngạn" → "Quảng Ngạn"). */
    private static final String UNIT_KIND = "^(Xã|Phường|Thị trấn|Huyện|Quận|Thị xã|Thành phố|Tỉnh) ";

    /**
     * The form of a document issued by a unit's people's committee; {@code unitName} null or blank falls back to
     * {@code fallbackIssuer} and an unnamed place.
     */
    public static AdministrativeForm ofUnit(PdfRenderer texts, Locale locale, String unitName, String fallbackIssuer,
            String numberKey, LocalDate date, List<String> recipientKeys) {
        boolean named = unitName != null && !unitName.isBlank();
        String issuer = named ? texts.message("print.form.issuer", locale, lowerFirst(unitName)) : fallbackIssuer;
        String place = named ? unitName.replaceFirst(UNIT_KIND, "") : texts.message("print.form.unknownPlace", locale);
        return new AdministrativeForm(issuer, texts.message(numberKey, locale), place, date, recipientKeys);
    }

    public String issuerUpper() {
        return issuer.toUpperCase(VI);
    }

    public String day() {
        return String.format("%02d", date.getDayOfMonth());
    }

    public String month() {
        return String.format("%02d", date.getMonthValue());
    }

    public String year() {
        return String.valueOf(date.getYear());
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
