package vn.bluezone.cli;

/** An expected failure whose message is shown to the user as the single error line. */
public class CliException extends RuntimeException {
    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
