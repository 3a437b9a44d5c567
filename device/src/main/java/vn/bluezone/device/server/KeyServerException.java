package vn.bluezone.device.server;

import java.util.Optional;

import vn.bluezone.api.ErrorCode;

/**
 * A failed key server call: the HTTP status (0 when the server could not be reached) and the server's stable
 * error code (an {@link ErrorCode} name such as {@code CODE_EXPIRED}), or a local code: {@code network_error},
 * {@code bad_response} (an answer without the contract's shape), {@code too_large}, {@code offline}, or
 * {@code http_NNN} for an error answer that carried no code (a proxy's page).
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

    public KeyServerException(int status, ErrorCode code, String message) {
        this(status, code.name(), message);
    }

    public int status() {
        return status;
    }

    /** The code as received (or the local one). */
    public String errorCode() {
        return errorCode;
    }

    /** The server's code as a constant; empty for local codes and for codes newer than this app. */
    public Optional<ErrorCode> code() {
        return ErrorCode.find(errorCode);
    }

    @Override
    public String toString() {
        return "KeyServerException[" + status + " " + errorCode + ": " + getMessage() + "]";
    }
}
