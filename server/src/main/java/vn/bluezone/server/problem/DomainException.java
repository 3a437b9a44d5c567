package vn.bluezone.server.problem;

import vn.bluezone.api.ErrorCode;

/**
 * An expected failure of a feature (bad input, unknown thing, not allowed, clash with the data), named by one of the
 * contract's {@link ErrorCode}s. It knows nothing of HTTP: {@code web/} alone turns the code into a status
 * ({@code web.ErrorStatus}) and the answer {@code {"error": code, "message": ...}}, so a service reads the same
 * whether a controller, a page, a job or a test called it.
 */
public class DomainException extends RuntimeException {
    /** How long a busy server asks the caller to wait before trying again. */
    public static final long BUSY_RETRY_SECONDS = 5;

    private final ErrorCode errorCode;
    private final String code; // the wire form, a field for the tests and logs that read it by name
    private final long retryAfterSeconds;
    private final String field;

    public DomainException(ErrorCode code, String message) {
        this(code, message, 0);
    }

    /**
     * A refusal of one request field or parameter, named as the form or query names it ({@code day},
     * {@code unit}): pages show the message next to that field and the error page names it in the reader's
     * language (bundle key {@code field.<name>}); API answers list it in {@code fields}.
     */
    public DomainException(ErrorCode code, String message, String field) {
        super(message);
        this.errorCode = code;
        this.code = code.name();
        this.retryAfterSeconds = 0;
        this.field = field;
    }

    /** With a hint to try again after {@code retryAfterSeconds} (sent as {@code Retry-After} when above 0). */
    public DomainException(ErrorCode code, String message, long retryAfterSeconds) {
        super(message);
        this.errorCode = code;
        this.code = code.name();
        this.retryAfterSeconds = retryAfterSeconds;
        this.field = null;
    }

    /** Too many attempts from this caller: {@code RATE_LIMITED}, try again in the given seconds. */
    public static DomainException rateLimited(long retryAfterSeconds) {
        return new DomainException(ErrorCode.RATE_LIMITED,
                "too many attempts; try again in " + retryAfterSeconds + " s", retryAfterSeconds);
    }

    /** The server cannot take the request now (overload, shutting down): {@code BUSY}, retry shortly. */
    public static DomainException busy(String message) {
        return new DomainException(ErrorCode.BUSY, message, BUSY_RETRY_SECONDS);
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    /** The code as sent on the wire. */
    public String code() {
        return code;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The request field refused, as the form or query names it; null when the refusal is not about one field. */
    public String field() {
        return field;
    }
}
