package vn.bluezone.protocol.risk.evaluation;

/** A field-test file that cannot be read; the message names the line (the header is line 1). */
public final class FieldDataException extends RuntimeException {
    private final int line;

    public FieldDataException(int line, String message) {
        super(line > 0 ? "line " + line + ": " + message : message);
        this.line = line;
    }

    /** The offending line, 0 when the problem is the file as a whole. */
    public int line() {
        return line;
    }
}
