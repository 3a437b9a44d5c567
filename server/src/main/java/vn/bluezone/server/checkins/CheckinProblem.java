package vn.bluezone.server.checkins;

import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.problem.DomainException;

/** An expected failure of the check-in feature, answered by {@code web/} as {@code {"error": code, ...}} with a 4xx. */
public class CheckinProblem extends DomainException {
    public CheckinProblem(ErrorCode code, String message) {
        super(code, message);
    }
}
