package vn.bluezone.server.campaign.referral;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import vn.bluezone.api.ErrorCode;
import vn.bluezone.api.registry.ReferralInstalls;
import vn.bluezone.server.campaign.CampaignProblem;
import vn.bluezone.server.registry.ShortCodes;

/**
 * "Invite three people" on the phone: how many installs came from this phone's referral link. Authenticated by
 * the device secret like the heartbeat; the answer is a count, nothing about who installed.
 */
@Service
public class DeviceReferralService {
    private static final Pattern DEVICE_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final DeviceReferralStore store;

    public DeviceReferralService(DeviceReferralStore store) {
        this.store = store;
    }

    public ReferralInstalls installs(String deviceId, String secret) {
        if (secret == null || secret.isBlank()) {
            throw new CampaignProblem(HttpStatus.UNAUTHORIZED, ErrorCode.DEVICE_AUTH_REQUIRED,
                    "Send the device secret as 'Authorization: Bearer <deviceSecret>'");
        }
        var device = deviceId == null || !DEVICE_ID.matcher(deviceId).matches() ? null
                : store.find(deviceId).orElse(null);
        // Unknown device and wrong secret answer alike, so device ids cannot be probed.
        if (device == null || !MessageDigest.isEqual(device.secretHash().getBytes(StandardCharsets.US_ASCII),
                ShortCodes.hash(secret).getBytes(StandardCharsets.US_ASCII))) {
            throw new CampaignProblem(HttpStatus.UNAUTHORIZED, ErrorCode.BAD_DEVICE_CREDENTIALS,
                    "Unknown device or wrong device secret");
        }
        return new ReferralInstalls(device.referralCode(), store.installsReferredBy(device.referralCode()));
    }
}
