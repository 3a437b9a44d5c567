package vn.bluezone.server.campaign;

/**
 * An expected failure in the campaign tools, answered with HTTP {@code status} and
 * {@code {"error": code, "message": ...}}: bad input is always a clear 4xx, never a stack trace.
 */
public class CampaignProblem extends RuntimeException {
    private final int status;
    private final String code;

    public CampaignProblem(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static CampaignProblem badRequest(String code, String message) {
        return new CampaignProblem(400, code, message);
    }

    public static CampaignProblem notFound(String code, String message) {
        return new CampaignProblem(404, code, message);
    }

    public static CampaignProblem forbidden(String code, String message) {
        return new CampaignProblem(403, code, message);
    }

    public static CampaignProblem conflict(String code, String message) {
        return new CampaignProblem(409, code, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
