package vn.bluezone.server.campaign.cohort;

import vn.bluezone.server.campaign.CampaignChoice;

/** Groups of people whom the health authorities require to install (section 1 of the campaign issue).
 * Labels in the bundles ({@code campaign.cohort.*}).
 */
public enum CohortKind {
    CENTRALIZED_QUARANTINE,
    HOME_QUARANTINE,
    TEST_DUE,
    ARRIVAL;

    public static CohortKind parse(String s) {
        return CampaignChoice.parse(CohortKind.class, s, "cohort");
    }
}
