package vn.bluezone.server.campaign.household;

/** One bad row of a CSV import: its line number in the file (the header is line 1) and what is wrong. */
public record ImportError(int row, String message) {
}
