package vn.bluezone.server.campaign;

import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.problem.DomainException;

/**
 * An expected failure in the campaign tools: bad input, an unknown thing, a clash. {@code web/} answers it with
 * the code's status and {@code {"error": code, "message": ...}}: bad input is always a clear 4xx, never a stack trace.
 */
public class CampaignProblem extends DomainException {

    public CampaignProblem(ErrorCode code, String message) {
        super(code, message);
    }

    /** A refusal of one form field or parameter ({@link DomainException#field()}). */
    public CampaignProblem(ErrorCode code, String message, String field) {
        super(code, message, field);
    }
}
