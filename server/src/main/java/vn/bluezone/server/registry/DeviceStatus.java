package vn.bluezone.server.registry;

import java.time.Duration;
import java.time.Instant;

/** What the registry knows about one anonymous install, as campaign tools need it. */
public record DeviceStatus(String deviceId, String installCode, Instant registeredAt, Instant lastSeenAt,
        Boolean bluetoothOn) {
    /**
     * Phones send one heartbeat a day; a device counts as still active when one arrived in the last 48 hours (a
     * day's grace for a phone that was off for a night) and reported Bluetooth on.
     */
    public static final Duration ACTIVE_WINDOW = Duration.ofHours(48);

    public boolean activeWithBluetooth(Instant now) {
        return lastSeenAt != null && !lastSeenAt.isBefore(now.minus(ACTIVE_WINDOW)) && Boolean.TRUE.equals(bluetoothOn);
    }
}
