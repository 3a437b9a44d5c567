package vn.bluezone.protocol.risk.evaluation;

import java.util.Arrays;
import vn.bluezone.protocol.risk.AttenuationThresholds;
import vn.bluezone.protocol.risk.AttenuationWeights;
import vn.bluezone.protocol.risk.RiskConfiguration;

/**
 * An attenuation-duration detection rule: score = Σ weight_i × seconds with attenuation in (upper_{i-1},
 * upper_i]; the rule fires when the score reaches {@code minutes} × 60 s. This is the form of the Swiss, German
 * and Italian apps' 2020 rules as Leith and Farrell applied them to their tram data, and of our own
 * configuration with a single day's exposure.
 *
 * @param upperDb inclusive upper attenuation of each band, increasing (the last may be +infinity)
 * @param weights weight of each band
 */
public record DetectionRule(String name, double[] upperDb, double[] weights, double minutes, String source) {

    public DetectionRule {
        if (upperDb.length == 0 || upperDb.length != weights.length) {
            throw new IllegalArgumentException("a rule needs one weight per band");
        }
        for (int i = 1; i < upperDb.length; i++) {
            if (!(upperDb[i] > upperDb[i - 1])) {
                throw new IllegalArgumentException("band limits must increase: " + Arrays.toString(upperDb));
            }
        }
        upperDb = upperDb.clone();
        weights = weights.clone();
    }

    /**
     * SwissCovid (June 2020): 1.0 × time ≤ 50 dB + 0.5 × time in 50–55 dB, notify at 15 minutes; as applied by
     * Leith and Farrell, PLoS ONE 15(9) e0239943 (2020).
     */
    public static DetectionRule swiss() {
        return new DetectionRule("swiss", new double[] {50, 55}, new double[] {1.0, 0.5}, 15,
                "SwissCovid 2020: 1.0 x <=50 dB + 0.5 x 50-55 dB >= 15 min");
    }

    /**
     * Corona-Warn-App configuration of 22 June 2020 (attenuationDuration thresholds 55/63 dB, weights low 1.0,
     * mid 0.5; as fetched by Leith and Farrell with their tram data set), notify at 15 weighted minutes.
     */
    public static DetectionRule german() {
        return new DetectionRule("german", new double[] {55, 63}, new double[] {1.0, 0.5}, 15,
                "Corona-Warn-App 22 June 2020: 1.0 x <=55 dB + 0.5 x 55-63 dB >= 15 min");
    }

    /**
     * Immuni settings of 22 June 2020: attenuation level above 73 dB scores 0, every other level 5, duration
     * bucket 15 minutes or more needed: i.e. 15 minutes at an attenuation of at most 73 dB.
     */
    public static DetectionRule italian() {
        return new DetectionRule("italian", new double[] {73}, new double[] {1.0}, 15,
                "Immuni 22 June 2020: <=73 dB for >= 15 min");
    }

    /** The F1 part of a risk configuration: its attenuation buckets and weights, its minimum minutes. */
    public static DetectionRule of(RiskConfiguration config) {
        AttenuationThresholds t = config.attenuationThresholds();
        AttenuationWeights w = config.attenuationWeights();
        return new DetectionRule(config.name(),
                new double[] {t.immediate(), t.near(), t.medium(), Double.POSITIVE_INFINITY},
                new double[] {w.immediate(), w.near(), w.medium(), w.other()},
                config.closeContact().minimumCumulativeMinutes(),
                "configured: " + w.immediate() + " x <=" + t.immediate() + " dB + " + w.near() + " x <=" + t.near()
                        + " dB + " + w.medium() + " x <=" + t.medium() + " dB + " + w.other() + " x above, >= "
                        + config.closeContact().minimumCumulativeMinutes() + " min");
    }

    /** Weighted seconds of one exposure. */
    public double score(AttenuationHistogram h) {
        double s = 0;
        double below = 0;
        for (int i = 0; i < upperDb.length; i++) {
            double upTo = h.secondsAtOrBelow(upperDb[i]);
            s += weights[i] * (upTo - below);
            below = upTo;
        }
        return s;
    }

    public double thresholdSeconds() {
        return minutes * 60;
    }

    /** Whether the rule fires (1 µs of slack absorbs binary rounding of decimal weights). */
    public boolean fires(AttenuationHistogram h) {
        return score(h) + 1e-6 >= thresholdSeconds();
    }
}
