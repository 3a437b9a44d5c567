package vn.bluezone.protocol.matching;

import vn.bluezone.protocol.Hex;
import java.util.Objects;

/**
 * A sighting attributed to a diagnosis key, with its metadata decrypted.
 *
 * @param sighting what the phone received
 * @param rpiIntervalNumber the interval for which the key produced this RPI (the sighting's own interval may differ by
 *                          up to {@link ExposureMatcher#TOLERANCE_INTERVALS} because clocks and rotations drift)
 * @param metadata the 4 decrypted metadata bytes: byte 0 version, byte 1 transmit power (signed dBm), 2-3 reserved
 */
public record MatchedSighting(Sighting sighting, long rpiIntervalNumber, byte[] metadata) {

    public MatchedSighting {
        Objects.requireNonNull(sighting, "sighting");
        Objects.requireNonNull(metadata, "metadata");
        if (metadata.length != Sighting.AEM_LENGTH) {
            throw new IllegalArgumentException("metadata must be 4 bytes, was " + metadata.length);
        }
        metadata = metadata.clone();
    }

    @Override
    public byte[] metadata() {
        return metadata.clone();
    }

    /** Metadata version byte: 0x40 for 1.0, 0x50 for 1.1 (major in the high nibble, minor in bits 2-3). */
    public int metadataVersion() {
        return metadata[0] & 0xFF;
    }

    /** The sender's calibrated transmit power in dBm, used for attenuation = txPower - (RSSI + correction). */
    public int transmitPowerDbm() {
        return metadata[1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MatchedSighting m && sighting.equals(m.sighting)
                && rpiIntervalNumber == m.rpiIntervalNumber && java.util.Arrays.equals(metadata, m.metadata);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(sighting, rpiIntervalNumber) + java.util.Arrays.hashCode(metadata);
    }

    @Override
    public String toString() {
        return "MatchedSighting[" + sighting + " rpiInterval=" + rpiIntervalNumber
                + " metadata=" + Hex.format(metadata) + "]";
    }
}
