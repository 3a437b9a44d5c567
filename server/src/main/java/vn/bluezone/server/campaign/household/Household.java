package vn.bluezone.server.campaign.household;

/** A household on a village's door-to-door list. */
public record Household(long id, String communeCode, String villageCode, String headName, String address,
        int members, int smartphones) {
}
