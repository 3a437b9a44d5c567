package vn.bluezone.protocol.risk;

/**
 * The three attenuation bucket thresholds of a daily summaries configuration, inclusive upper bounds in dB
 * (GAEN {@code attenuationBucketThresholdDb}): A ≤ immediate → IMMEDIATE, ≤ near → NEAR, ≤ medium → MEDIUM,
 * above → OTHER.
 */
public record AttenuationThresholds(int immediate, int near, int medium) {

    public AttenuationThresholds {
        check("immediate", immediate);
        check("near", near);
        check("medium", medium);
        if (!(immediate < near && near < medium)) {
            throw new RiskConfigurationException("attenuationThresholds must be increasing (immediate < near < medium), was "
                    + immediate + ", " + near + ", " + medium);
        }
    }

    public AttenuationBucket bucketOf(int attenuationDb) {
        if (attenuationDb <= immediate) {
            return AttenuationBucket.IMMEDIATE;
        }
        if (attenuationDb <= near) {
            return AttenuationBucket.NEAR;
        }
        if (attenuationDb <= medium) {
            return AttenuationBucket.MEDIUM;
        }
        return AttenuationBucket.OTHER;
    }

    private static void check(String name, int value) {
        if (value < 0 || value > ScanInstance.MAX_ATTENUATION_DB) {
            throw new RiskConfigurationException("attenuationThresholds." + name + " must be in 0..255, was " + value);
        }
    }
}
