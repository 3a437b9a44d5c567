package vn.bluezone.server.campaign.referral;

/**
 * An official, party member or volunteer whose own app's referral code is registered, so the installs they guide
 * count for them. {@code hasTarget}: officials and party members are asked for at least three.
 */
public record Referrer(String referralCode, String communeCode, String villageCode, String organisation,
        String displayName, boolean hasTarget) {
}
