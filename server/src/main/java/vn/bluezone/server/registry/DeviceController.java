package vn.bluezone.server.registry;

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

/** The phone's side of the registry: anonymous registration and the daily heartbeat. Public (no session). */
@RestController
public class DeviceController {
    private final DeviceRegistry registry;

    public DeviceController(DeviceRegistry registry) {
        this.registry = registry;
    }

    /**
     * 201 with a new device; 200 with the same device when the installationId registered before (the secret again
     * when presented as {@code Authorization: Bearer}, see {@link DeviceRegistry#registerOnce}); 409 when it cannot be
     * given back.
     */
    @PostMapping(ApiPaths.DEVICES)
    public ResponseEntity<RegisteredDevice> register(@RequestBody DeviceRegistration registration,
            @RequestHeader(value = "Authorization", required = false) String authorization) {
        RegistrationOutcome outcome = registry.registerOnce(registration, bearer(authorization));
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome.device());
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
                                     @RequestBody(required = false) Heartbeat heartbeat) {
        return registry.heartbeat(deviceId, bearer(authorization), heartbeat);
    }
}
