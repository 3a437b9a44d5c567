package vn.bluezone.server.registry;

import java.time.Duration;
import java.time.Instant;

/**
 * What the registry knows about one anonymous install, as campaign tools need it. {@code attestationKind} is the
 * kind of the verified attestation that attested it (PLAY_INTEGRITY, APP_ATTEST, TEST), null when unattested.
 */
public record DeviceStatus(String deviceId, String installCode, Instant registeredAt, Instant lastSeenAt,
        Boolean bluetoothOn, String attestationKind) {

    /** An install without attestation (tools and tests that predate it). */
    public DeviceStatus(String deviceId, String installCode, Instant registeredAt, Instant lastSeenAt,
                        Boolean bluetoothOn) {
        this(deviceId, installCode, registeredAt, lastSeenAt, bluetoothOn, null);
    }

    /** True when a platform verdict attested this install (issue 15 §3). */
    public boolean attested() {
        return attestationKind != null;
    }
    /**
     * Phones send one heartbeat a day; a device counts as still active when one arrived in the last 48 hours (a
     * day's grace for a phone that was off for a night) and reported Bluetooth on.
     */
    public static final Duration ACTIVE_WINDOW = Duration.ofHours(48);

    public boolean activeWithBluetooth(Instant now) {
        return lastSeenAt != null && !lastSeenAt.isBefore(now.minus(ACTIVE_WINDOW)) && Boolean.TRUE.equals(bluetoothOn);
    }
}
