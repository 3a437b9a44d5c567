package vn.bluezone.protocol.risk;

/**
 * How much a second in each attenuation bucket counts (GAEN {@code attenuationBucketWeights}), each 0..2.5.
 */
public record AttenuationWeights(double immediate, double near, double medium, double other) {

    public AttenuationWeights {
        RiskConfiguration.checkWeight("attenuationWeights.immediate", immediate);
        RiskConfiguration.checkWeight("attenuationWeights.near", near);
        RiskConfiguration.checkWeight("attenuationWeights.medium", medium);
        RiskConfiguration.checkWeight("attenuationWeights.other", other);
    }

    public double weight(AttenuationBucket bucket) {
        return switch (bucket) {
            case IMMEDIATE -> immediate;
            case NEAR -> near;
            case MEDIUM -> medium;
            case OTHER -> other;
        };
    }
}
