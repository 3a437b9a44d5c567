package vn.bluezone.server.registry;

/**
 * One reason an import row was refused. {@code row} is the row number the official sees in the spreadsheet (the
 * header is row 1); {@code code} is stable (UNKNOWN_UNIT, OUT_OF_SCOPE, BAD_DATE, FUTURE_DATE, BAD_NUMBER,
 * NO_FIGURES, DUPLICATE_ROW, UNKNOWN_COLUMN, MISSING_COLUMN, EMPTY_FILE, TOO_MANY_ROWS, UNREADABLE_FILE). {@code value} is the offending cell's text, when there is one.
 */
public record ImportProblem(int row, String column, String code, String message, String value) {
    public ImportProblem(int row, String column, String code, String message) {
        this(row, column, code, message, null);
    }
}
