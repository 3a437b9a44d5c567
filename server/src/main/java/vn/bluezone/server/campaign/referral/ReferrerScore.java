package vn.bluezone.server.campaign.referral;

/** A referrer's guided installs (distinct devices) and progress against the target. */
public record ReferrerScore(Referrer referrer, long installs, int target) {
    public boolean targetMet() {
        return !referrer.hasTarget() || installs >= target;
    }
}
