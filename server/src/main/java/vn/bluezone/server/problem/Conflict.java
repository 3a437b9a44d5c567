package vn.bluezone.server.problem;

import vn.bluezone.api.ErrorCode;

/**
 * The request is well formed but clashes with the data as it stands (a code already used, no free code left).
 * Most such codes always mean a clash ({@code USERNAME_TAKEN}); this type is for the few whose usual meaning is
 * another: {@code CODE_USED} is bad input when a phone verifies it, a clash when an officer expires the code.
 */
public class Conflict extends DomainException {
    public Conflict(ErrorCode code, String message) {
        super(code, message);
    }
}
