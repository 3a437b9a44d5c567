package vn.bluezone.server.web.limits;

import org.springframework.http.HttpStatus;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.web.ErrorStatus;

/**
 * Why {@link RequestGuardFilter} answered a request itself, before any controller: the stable code (its status
 * from {@link ErrorStatus}). Codes: PAYLOAD_TOO_LARGE 413, BODY_TIMEOUT 408, LENGTH_REQUIRED 411, UNSUPPORTED_MEDIA_TYPE 415,
 * INVALID_PARAMETER 400, INVALID_FIELD 400, BUSY 503.
 */
record Refusal(ErrorCode code, String message, int retryAfterSeconds) {
    /** The code's status, from the one table. */
    HttpStatus status() {
        return ErrorStatus.of(code);
    }

    static Refusal tooLarge(long limit) {
        return new Refusal(ErrorCode.PAYLOAD_TOO_LARGE,
                "the request body is larger than the " + limit + " bytes this endpoint accepts", 0);
    }

    static Refusal timeout() {
        return new Refusal(ErrorCode.BODY_TIMEOUT, "the request body did not arrive in time", 0);
    }

    static Refusal lengthRequired() {
        return new Refusal(ErrorCode.LENGTH_REQUIRED, "send a Content-Length with the body", 0);
    }

    static Refusal mediaType(String message) {
        return new Refusal(ErrorCode.UNSUPPORTED_MEDIA_TYPE, message, 0);
    }

    static Refusal nulParameter() {
        return new Refusal(ErrorCode.INVALID_PARAMETER, "a parameter holds a NUL character", 0);
    }

    static Refusal undecodableParameter() {
        return new Refusal(ErrorCode.INVALID_PARAMETER, "a parameter is not valid percent-encoded UTF-8", 0);
    }

    static Refusal nulInBody() {
        return new Refusal(ErrorCode.INVALID_FIELD, "a text field holds a NUL character", 0);
    }

    static Refusal busy() {
        return new Refusal(ErrorCode.BUSY, "the server is busy; try again shortly", 5);
    }
}
