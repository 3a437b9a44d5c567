package vn.bluezone.server.campaign.desk;

import vn.bluezone.server.campaign.CampaignChoice;

/** Administrative procedures during which a one-stop desk helps people install.
 * Labels in the bundles ({@code campaign.procedure.*}).
 */
public enum ProcedureType {
    CIVIL_STATUS,
    RESIDENCE,
    CERTIFICATION,
    LAND,
    SOCIAL,
    OTHER;

    public static ProcedureType parse(String s) {
        return CampaignChoice.parse(ProcedureType.class, s, "procedure type");
    }
}
