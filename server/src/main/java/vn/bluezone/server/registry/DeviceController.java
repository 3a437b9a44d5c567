package vn.bluezone.server.registry;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The phone's side of the registry: anonymous registration and the daily heartbeat. Public (no session). */
@RestController
public class DeviceController {
    private final DeviceRegistry registry;

    public DeviceController(DeviceRegistry registry) {
        this.registry = registry;
    }

    @PostMapping("/api/v1/devices")
    @ResponseStatus(HttpStatus.CREATED)
    public RegisteredDevice register(@RequestBody DeviceRegistration registration) {
        return registry.register(registration);
    }

    /** Authenticated by the device secret: {@code Authorization: Bearer <deviceSecret>}. */
    @PostMapping("/api/v1/devices/{deviceId}/heartbeat")
    public HeartbeatResult heartbeat(@PathVariable String deviceId,
                                     @RequestHeader(value = "Authorization", required = false) String authorization,
                                     @RequestBody(required = false) Heartbeat heartbeat) {
        String secret = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            secret = authorization.substring(7).trim();
        }
        return registry.heartbeat(deviceId, secret, heartbeat);
    }
}
