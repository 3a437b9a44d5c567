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
    /**
     * {@code count} new installs on {@code day} in the unit at the end of {@code chain} (country first), of which
     * {@code attested} carried a verified attestation (issue 15 §3).
     */
    record Installs(List<String> chain, LocalDate day, long count, long attested) {
    }

    /** Installs applied together from the {@link InstallQueue} (one transaction, the queue rows deleted in it). */
    void installed(List<Installs> batch);

    /** The first heartbeat of {@code day} of a device last seen on {@code previousDay} (null: never). */
    void firstHeartbeat(List<String> chain, LocalDate day, LocalDate previousDay, boolean bluetoothOn);

    /** An install counted before as unattested became attested on {@code day} (a heartbeat carried a verdict). */
    void attestedLater(List<String> chain, LocalDate day);

    /** A later heartbeat of the same day switched Bluetooth on or off. */
    void bluetoothChanged(List<String> chain, LocalDate day, boolean nowOn);
}
