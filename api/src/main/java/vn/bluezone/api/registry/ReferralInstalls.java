package vn.bluezone.api.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Answer of {@code GET /api/v1/devices/{deviceId}/referrals}: the phone's referral code and how many installs
 * registered with it (a count only, nothing about who installed).
 */
public record ReferralInstalls(
        @JsonProperty("referralCode") String referralCode,
        @JsonProperty("installs") long installs) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public ReferralInstalls {
    }
}
