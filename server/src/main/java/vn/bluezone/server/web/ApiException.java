package vn.bluezone.server.web;

import org.springframework.http.HttpStatus;
import vn.bluezone.api.ErrorCode;

/**
 * An expected failure of an API call: answered with {@code status} and {@code {"error":code,"message":...}}.
 * Throw it from any controller or service; the global handler turns it into the JSON response. The code is one of
 * the contract's {@link ErrorCode}s, so every code a client can meet is listed in one place.
 */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final ErrorCode errorCode;
    private final String code; // the wire form, kept as a field for tests and logs that read it by name
    private final long retryAfterSeconds;

    public ApiException(HttpStatus status, ErrorCode code, String message) {
        this(status, code, message, 0);
    }

    /** With a {@code Retry-After} header (seconds) when {@code retryAfterSeconds > 0}, e.g. for 429. */
    public ApiException(HttpStatus status, ErrorCode code, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.errorCode = code;
        this.code = code.name();
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException tooManyRequests(long retryAfterSeconds) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, ErrorCode.RATE_LIMITED,
                "too many attempts; try again in " + retryAfterSeconds + " s", retryAfterSeconds);
    }

    /** The server cannot take the request now (overload, shutting down); the client should retry shortly. */
    public static ApiException serviceUnavailable(ErrorCode code, String message) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, code, message, 5);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ApiException badRequest(ErrorCode code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message);
    }

    public static ApiException notFound(ErrorCode code, String message) {
        return new ApiException(HttpStatus.NOT_FOUND, code, message);
    }

    public static ApiException forbidden(ErrorCode code, String message) {
        return new ApiException(HttpStatus.FORBIDDEN, code, message);
    }

    public static ApiException conflict(ErrorCode code, String message) {
        return new ApiException(HttpStatus.CONFLICT, code, message);
    }

    public HttpStatus status() {
        return status;
    }

    /** The code as sent on the wire. */
    public String code() {
        return code;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }
}
