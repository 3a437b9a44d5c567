package vn.bluezone.server.campaign.household;

/**
 * One bad row of a CSV import: its line number in the file (the header is line 1), what is wrong as a stable
 * {@code code} (UNKNOWN_VILLAGE, FIELD_REQUIRED, FIELD_TOO_LONG, BAD_COUNT), the column ({@code village},
 * {@code head}, {@code address}, {@code members}, {@code smartphones}) and its cell, so pages can say it in the
 * reader's language; {@code message} says it in English for the API.
 */
public record ImportError(int row, String code, String column, String value, String message) {
}
