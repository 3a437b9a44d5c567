package vn.bluezone.server.campaign.referral;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import vn.bluezone.api.ErrorCode;
import vn.bluezone.api.registry.ReferralInstalls;
import vn.bluezone.server.campaign.CampaignProblem;
import vn.bluezone.server.registry.DeviceDirectory;

/**
 * "Invite three people" on the phone: how many installs came from this phone's referral link. Authenticated by
 * the device secret like the heartbeat; the answer is a count, nothing about who installed. Counts only installs
 * that have sent heartbeats on two different days, as the officials' figures do.
 */
@Service
public class DeviceReferralService {
    private static final Pattern DEVICE_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final DeviceDirectory devices;

    public DeviceReferralService(DeviceDirectory devices) {
        this.devices = devices;
    }

    public ReferralInstalls installs(String deviceId, String secret) {
        if (secret == null || secret.isBlank()) {
            throw new CampaignProblem(ErrorCode.DEVICE_AUTH_REQUIRED,
                    "Send the device secret as 'Authorization: Bearer <deviceSecret>'");
        }
        String code = deviceId == null || !DEVICE_ID.matcher(deviceId).matches() ? null
                : devices.referralCodeOf(deviceId, secret).orElse(null);
        if (code == null) {
            throw new CampaignProblem(ErrorCode.BAD_DEVICE_CREDENTIALS,
                    "Unknown device or wrong device secret");
        }
        // The same count as the referrer's figure on the officials' pages: devices that ran on two days.
        return new ReferralInstalls(code, devices.referralCounts(List.of(code)).getOrDefault(code, 0L));
    }
}
