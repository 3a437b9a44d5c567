package vn.bluezone.server.registry;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import vn.bluezone.api.ApiPaths;
import vn.bluezone.api.registry.DeviceRegistration;
import vn.bluezone.api.registry.Heartbeat;
import vn.bluezone.api.registry.HeartbeatResult;
import vn.bluezone.api.registry.RegisteredDevice;
import vn.bluezone.server.web.limits.NetworkLimiter;

/** The phone's side of the registry: anonymous registration and the daily heartbeat. Public (no session). */
@RestController
public class DeviceController {
    private final DeviceRegistry registry;
    private final NetworkLimiter limiter;
    private final RegistrationPrefixes prefixes;

    public DeviceController(DeviceRegistry registry, NetworkLimiter limiter, RegistrationPrefixes prefixes) {
        this.registry = registry;
        this.limiter = limiter;
        this.prefixes = prefixes;
    }

    /**
     * 201 with a new device; 200 with the same device when the installationId registered before (the secret again
     * when presented as {@code Authorization: Bearer}, see {@link DeviceRegistry#registerOnce}); 409 when it cannot be
     * given back.
     */
    @PostMapping(ApiPaths.DEVICES)
    public ResponseEntity<RegisteredDevice> register(@RequestBody DeviceRegistration registration,
            @RequestHeader(value = "Authorization", required = false) String authorization, HttpServletRequest req) {
        limiter.check(NetworkLimiter.Action.REGISTRATION, req.getRemoteAddr()); // per address and prefix (issue 15)
        registration = attributed(registration, req);
        RegistrationOutcome outcome = registry.registerOnce(registration, bearer(authorization));
        if (outcome.created()) {
            prefixes.record(outcome.unitCode(), req.getRemoteAddr()); // for the anomaly flags (issue 15 §3)
        }
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome.device());
    }

    /** Over the attribution limit the install still counts, but not for the referral code or place it names. */
    private DeviceRegistration attributed(DeviceRegistration r, HttpServletRequest req) {
        if ((r.referralCode() == null && r.placeCode() == null)
                || limiter.tryAcquire(NetworkLimiter.Action.ATTRIBUTION, req.getRemoteAddr()).allowed()) {
            return r;
        }
        return new DeviceRegistration(r.platform(), r.appVersion(), r.model(), r.communeCode(), r.villageId(), null,
                null, r.installationId(), r.attestation());
    }

    private static String bearer(String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).trim();
        }
        return null;
    }

    /** Authenticated by the device secret: {@code Authorization: Bearer <deviceSecret>}. */
    @PostMapping(ApiPaths.HEARTBEAT)
    public HeartbeatResult heartbeat(@PathVariable String deviceId,
                                     @RequestHeader(value = "Authorization", required = false) String authorization,
                                     @RequestBody(required = false) Heartbeat heartbeat, HttpServletRequest req) {
        limiter.check(NetworkLimiter.Action.HEARTBEAT, req.getRemoteAddr());
        return registry.heartbeat(deviceId, bearer(authorization), heartbeat);
    }
}
