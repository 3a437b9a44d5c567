package vn.bluezone.protocol.matching;

import java.time.Instant;
import java.util.Arrays;
import vn.bluezone.protocol.Hex;
import java.util.Objects;
import vn.bluezone.protocol.EnIntervalNumber;

/**
 * One advertisement a phone received: the Rolling Proximity Identifier with its Associated Encrypted Metadata,
 * the ENIntervalNumber the phone was in when it heard it, when, and how loud. Nothing here says where.
 *
 * @param rpi the 16-byte Rolling Proximity Identifier as received
 * @param aem the 4-byte Associated Encrypted Metadata as received
 * @param intervalNumber the receiver's ENIntervalNumber at reception (unsigned 32-bit)
 * @param seenAt reception time
 * @param rssi received signal strength in dBm, uncorrected
 */
public record Sighting(byte[] rpi, byte[] aem, long intervalNumber, Instant seenAt, int rssi) {

    public static final int RPI_LENGTH = 16;
    public static final int AEM_LENGTH = 4;

    public Sighting {
        Objects.requireNonNull(rpi, "rpi");
        Objects.requireNonNull(aem, "aem");
        Objects.requireNonNull(seenAt, "seenAt");
        if (rpi.length != RPI_LENGTH) {
            throw new IllegalArgumentException("RPI must be 16 bytes, was " + rpi.length);
        }
        if (aem.length != AEM_LENGTH) {
            throw new IllegalArgumentException("AEM must be 4 bytes, was " + aem.length);
        }
        if (intervalNumber < 0 || intervalNumber > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("interval number must be an unsigned 32-bit value, was " + intervalNumber);
        }
        rpi = rpi.clone();
        aem = aem.clone();
    }

    /** A sighting whose interval is the one containing {@code seenAt}, as a phone records it. */
    public static Sighting at(Instant seenAt, byte[] rpi, byte[] aem, int rssi) {
        return new Sighting(rpi, aem, EnIntervalNumber.of(seenAt), seenAt, rssi);
    }

    @Override
    public byte[] rpi() {
        return rpi.clone();
    }

    @Override
    public byte[] aem() {
        return aem.clone();
    }

    /** Reads byte {@code i} of the RPI without copying it (the table build reads every byte of many sightings). */
    byte rpiByte(int i) {
        return rpi[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sighting s
                && Arrays.equals(rpi, s.rpi) && Arrays.equals(aem, s.aem)
                && intervalNumber == s.intervalNumber && seenAt.equals(s.seenAt) && rssi == s.rssi;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(rpi) + Arrays.hashCode(aem)) + Objects.hash(intervalNumber, seenAt, rssi);
    }

    @Override
    public String toString() {
        return "Sighting[rpi=" + Hex.format(rpi) + " aem=" + Hex.format(aem) + " interval=" + intervalNumber
                + " at=" + seenAt + " rssi=" + rssi + "]";
    }
}
