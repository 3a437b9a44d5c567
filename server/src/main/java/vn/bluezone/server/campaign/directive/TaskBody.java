package vn.bluezone.server.campaign.directive;

import vn.bluezone.server.campaign.CampaignChoice;

/** The bodies a commune letter assigns campaign tasks to.
 * Labels in the bundles ({@code campaign.body.*}).
 */
public enum TaskBody {
    FATHERLAND_FRONT,
    YOUTH_UNION,
    WOMEN_UNION,
    HEALTH_STATION,
    POLICE,
    CULTURE_OFFICE,
    VILLAGE_HEADS,
    OTHER;

    public static TaskBody parse(String s) {
        return CampaignChoice.parse(TaskBody.class, s, "body");
    }
}
