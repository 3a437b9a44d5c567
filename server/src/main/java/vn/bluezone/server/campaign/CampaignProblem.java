package vn.bluezone.server.campaign;

import org.springframework.http.HttpStatus;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.web.ApiException;

/**
 * An expected failure in the campaign tools, answered with its HTTP status and
 * {@code {"error": code, "message": ...}}: bad input is always a clear 4xx, never a stack trace.
 */
public class CampaignProblem extends ApiException {

    public CampaignProblem(HttpStatus status, ErrorCode code, String message) {
        super(status, code, message);
    }

    public static CampaignProblem badRequest(ErrorCode code, String message) {
        return new CampaignProblem(HttpStatus.BAD_REQUEST, code, message);
    }

    public static CampaignProblem notFound(ErrorCode code, String message) {
        return new CampaignProblem(HttpStatus.NOT_FOUND, code, message);
    }

    public static CampaignProblem forbidden(ErrorCode code, String message) {
        return new CampaignProblem(HttpStatus.FORBIDDEN, code, message);
    }

    public static CampaignProblem conflict(ErrorCode code, String message) {
        return new CampaignProblem(HttpStatus.CONFLICT, code, message);
    }
}
