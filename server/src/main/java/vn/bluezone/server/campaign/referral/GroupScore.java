package vn.bluezone.server.campaign.referral;

/** Guided installs of a village or an organisation, with how many of its targeted referrers met the target. */
public record GroupScore(String key, String label, long referrers, long installs, long withTarget, long targetMet) {
}
