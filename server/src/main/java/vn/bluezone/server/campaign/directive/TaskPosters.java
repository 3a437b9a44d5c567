package vn.bluezone.server.campaign.directive;

import static vn.bluezone.server.campaign.CampaignAccess.MANAGERS;
import static vn.bluezone.server.campaign.CampaignAccess.STAFF;

import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.campaign.CampaignAccess;
import vn.bluezone.server.campaign.CampaignProblem;

/**
 * Who posts progress on a task: the body it was given to (police, health station, youth union through its
 * volunteers) and the managers above them; anyone else concerned reads it only (issue 13). Here rather than in
 * {@link CampaignAccess}, which would otherwise depend on the directives that depend on it.
 */
public final class TaskPosters {
    private TaskPosters() {
    }

    public static boolean mayPostOn(Official o, TaskBody body) {
        if (MANAGERS.contains(o.role())) {
            return true;
        }
        return switch (o.role()) {
            case POLICE -> body == TaskBody.POLICE;
            case HEALTH_STATION -> body == TaskBody.HEALTH_STATION;
            case VOLUNTEER -> body == TaskBody.YOUTH_UNION;
            default -> false;
        };
    }

    /** {@link CampaignAccess#requireConcerned} for posting progress on a task of {@code body}: 403 NOT_YOUR_TASK otherwise. */
    public static Official require(CampaignAccess access, String directiveUnit, TaskBody body) {
        Official o = access.requireConcerned(STAFF, directiveUnit);
        if (o.role() == Role.VOLUNTEER && !access.maySee(o, directiveUnit)) {
            // Issue 15 §4: a volunteer could close any task of the district's directives.
            throw new CampaignProblem(ErrorCode.OUT_OF_SCOPE, "volunteers post only on their own commune's directives");
        }
        if (!mayPostOn(o, body)) {
            throw new CampaignProblem(ErrorCode.NOT_YOUR_TASK, "only the body the task was given to, and the "
                    + "officials above it, post its progress");
        }
        return o;
    }
}
