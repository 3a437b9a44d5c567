package vn.bluezone.device.server;

/**
 * A failed key server call: the HTTP status (0 when the server could not be reached) and the server's stable
 * error code (e.g. {@code code_expired}), or a local code such as {@code network_error} or {@code bad_response}.
 */
public class KeyServerException extends Exception {
    private final int status;
    private final String errorCode;

    public KeyServerException(int status, String errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public KeyServerException(int status, String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    @Override
    public String toString() {
        return "KeyServerException[" + status + " " + errorCode + ": " + getMessage() + "]";
    }
}
