package vn.bluezone.server.checkins;

import org.springframework.http.HttpStatus;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.web.ApiException;

/** An expected failure of the check-in feature, answered as {@code {"error": code, "message": ...}} with a 4xx. */
public class CheckinProblem extends ApiException {
    public CheckinProblem(HttpStatus status, ErrorCode code, String message) {
        super(status, code, message);
    }

    public static CheckinProblem badRequest(ErrorCode code, String message) {
        return new CheckinProblem(HttpStatus.BAD_REQUEST, code, message);
    }

    public static CheckinProblem notFound(ErrorCode code, String message) {
        return new CheckinProblem(HttpStatus.NOT_FOUND, code, message);
    }
}
