package vn.bluezone.server.campaign.referral;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import vn.bluezone.api.ApiPaths;
import vn.bluezone.api.registry.ReferralInstalls;

/** {@code GET /api/v1/devices/{deviceId}/referrals} with {@code Authorization: Bearer <deviceSecret>}. */
@RestController
public class DeviceReferralApi {
    private final DeviceReferralService service;

    public DeviceReferralApi(DeviceReferralService service) {
        this.service = service;
    }

    @GetMapping(ApiPaths.REFERRALS)
    public ReferralInstalls referrals(@PathVariable String deviceId,
            @RequestHeader(value = "Authorization", required = false) String authorization) {
        String secret = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        return service.installs(deviceId, secret);
    }
}
