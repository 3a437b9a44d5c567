package vn.bluezone.server.campaign.place;

import vn.bluezone.server.campaign.CampaignChoice;

/** Kinds of public places where the commune letter asks for posters (section 4 of the campaign issue).
 * Labels in the bundles ({@code campaign.place.*}).
 */
public enum PlaceKind {
    MARKET,
    EATERY,
    RESTAURANT,
    ONE_STOP_DESK,
    SCHOOL,
    HEALTH_STATION,
    BUS_STATION,
    OTHER;

    public static PlaceKind parse(String s) {
        return CampaignChoice.parse(PlaceKind.class, s, "place kind");
    }
}
