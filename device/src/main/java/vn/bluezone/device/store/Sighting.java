package vn.bluezone.device.store;

import java.time.Instant;
import java.util.Arrays;
import vn.bluezone.protocol.Hex;

/**
 * What one scan heard from one beacon: its RPI and AEM, the raw RSSI averaged over the packets heard (typical)
 * and the strongest one (max), the number of packets, and when the scan started by this phone's clock. The
 * RSSI is raw: the phone's RSSI correction is applied when attenuations are computed.
 */
public record Sighting(long scanId, byte[] rpi, byte[] aem, int rssiTypical, int rssiMax, int packets,
                       Instant seenAt) {
    public Sighting {
        if (rpi == null || rpi.length != 16) {
            throw new IllegalArgumentException("RPI must be 16 bytes");
        }
        if (aem == null || aem.length != 4) {
            throw new IllegalArgumentException("AEM must be 4 bytes");
        }
        rpi = rpi.clone();
        aem = aem.clone();
    }

    @Override
    public byte[] rpi() {
        return rpi.clone();
    }

    @Override
    public byte[] aem() {
        return aem.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sighting s && scanId == s.scanId && Arrays.equals(rpi, s.rpi) && Arrays.equals(aem, s.aem)
                && rssiTypical == s.rssiTypical && rssiMax == s.rssiMax && packets == s.packets
                && seenAt.equals(s.seenAt);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(rpi) * 31 + seenAt.hashCode();
    }

    @Override
    public String toString() {
        return "Sighting[scan=" + scanId + " rpi=" + Hex.format(rpi) + " rssi=" + rssiTypical + "/"
                + rssiMax + " n=" + packets + " at=" + seenAt + "]";
    }
}
