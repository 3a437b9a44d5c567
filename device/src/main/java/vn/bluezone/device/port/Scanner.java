package vn.bluezone.device.port;

import java.time.Duration;

/**
 * Platform port: listens for Exposure Notification beacons (service UUID 0xFD6F) for one window of a duty cycle.
 * The engine decides when to scan; the platform delivers every packet heard, then calls
 * {@link ScanListener#onScanFinished()}.
 */
public interface Scanner {
    void scan(Duration window, ScanListener listener);
}
