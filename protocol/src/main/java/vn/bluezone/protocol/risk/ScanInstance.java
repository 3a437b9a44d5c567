package vn.bluezone.protocol.risk;

/**
 * One Bluetooth scan in which the phone heard a given key's beacons (GAEN v2 {@code ScanInstance}).
 *
 * @param typicalAttenuationDb the aggregate (here: the rounded mean, see {@link ExposureWindowBuilder}) of the
 *                             attenuations of the beacons heard in the scan, 0..255 dB
 * @param minAttenuationDb     the smallest attenuation heard in the scan, 0..255 dB, never above the typical one
 * @param secondsSinceLastScan seconds since the phone's previous scan: the time this scan stands for
 */
public record ScanInstance(int typicalAttenuationDb, int minAttenuationDb, int secondsSinceLastScan) {

    /** Attenuations are reported as an unsigned byte, as in the Exposure Notification API. */
    public static final int MAX_ATTENUATION_DB = 255;

    public ScanInstance {
        if (typicalAttenuationDb < 0 || typicalAttenuationDb > MAX_ATTENUATION_DB) {
            throw new IllegalArgumentException("typicalAttenuationDb must be in 0..255, was " + typicalAttenuationDb);
        }
        if (minAttenuationDb < 0 || minAttenuationDb > typicalAttenuationDb) {
            throw new IllegalArgumentException("minAttenuationDb must be in 0..typicalAttenuationDb ("
                    + typicalAttenuationDb + "), was " + minAttenuationDb);
        }
        if (secondsSinceLastScan < 0) {
            throw new IllegalArgumentException("secondsSinceLastScan must not be negative, was " + secondsSinceLastScan);
        }
    }
}
