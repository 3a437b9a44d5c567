package vn.bluezone.server.web;

import org.springframework.http.HttpStatus;

/**
 * An expected failure of an API call: answered with {@code status} and {@code {"error":code,"message":...}}.
 * Throw it from any controller or service; the global handler turns it into the JSON response.
 */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String code;
    private final long retryAfterSeconds;

    public ApiException(HttpStatus status, String code, String message) {
        this(status, code, message, 0);
    }

    /** With a {@code Retry-After} header (seconds) when {@code retryAfterSeconds > 0}, e.g. for 429. */
    public ApiException(HttpStatus status, String code, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException tooManyRequests(long retryAfterSeconds) {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED",
                "too many attempts; try again in " + retryAfterSeconds + " s", retryAfterSeconds);
    }

    /** The server cannot take the request now (overload, shutting down); the client should retry shortly. */
    public static ApiException serviceUnavailable(String code, String message) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, code, message, 5);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message);
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(HttpStatus.NOT_FOUND, code, message);
    }

    public static ApiException forbidden(String code, String message) {
        return new ApiException(HttpStatus.FORBIDDEN, code, message);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(HttpStatus.CONFLICT, code, message);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
