package vn.bluezone.server.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * Where the registry reports installs and heartbeats, in the registration's or heartbeat's own transaction. The
 * statistics feature implements it (its roll-ups); the registry owns the interface so that it never imports
 * statistics and the dependency runs one way (issue 11 §3). A chain is the device's unit and its ancestors, country
 * first.
 */
public interface InstallCounters {
    /** A new install on {@code day} in the unit at the end of {@code chain}. */
    void installed(List<String> chain, LocalDate day);

    /** The first heartbeat of {@code day} of a device last seen on {@code previousDay} (null: never). */
    void firstHeartbeat(List<String> chain, LocalDate day, LocalDate previousDay, boolean bluetoothOn);

    /** A later heartbeat of the same day switched Bluetooth on or off. */
    void bluetoothChanged(List<String> chain, LocalDate day, boolean nowOn);
}
