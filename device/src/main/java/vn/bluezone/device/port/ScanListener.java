package vn.bluezone.device.port;

import vn.bluezone.device.radio.ReceivedPacket;

/** Receives what one scan heard. Implementations may deliver packets on any thread, but not concurrently. */
public interface ScanListener {
    void onPacket(ReceivedPacket packet);

    /** The scan window is over; no more packets will come for it. */
    void onScanFinished();
}
