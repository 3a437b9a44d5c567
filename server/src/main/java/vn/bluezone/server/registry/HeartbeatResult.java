package vn.bluezone.server.registry;

import java.time.LocalDate;

/** counted = this was the device's first heartbeat of {@code day} (later ones only update the Bluetooth state). */
public record HeartbeatResult(boolean counted, LocalDate day) {
}
