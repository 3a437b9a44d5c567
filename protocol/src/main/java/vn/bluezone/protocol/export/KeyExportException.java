package vn.bluezone.protocol.export;

import java.util.Objects;

/** A key export file or key that cannot be used, with a stable {@link KeyExportError} reason and a readable message. */
public class KeyExportException extends RuntimeException {
    private final KeyExportError reason;

    public KeyExportException(KeyExportError reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason);
    }

    public KeyExportException(KeyExportError reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason);
    }

    public KeyExportError reason() {
        return reason;
    }

    /** "REASON: message", the form the CLI prints. */
    public String describe() {
        return reason + ": " + getMessage();
    }
}
