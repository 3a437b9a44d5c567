package vn.bluezone.protocol.risk.evaluation;

import java.util.Arrays;

/**
 * Seconds spent in attenuation buckets during one exposure. A bucket is {@code [lo, hi)} dB; a bucket with
 * {@code lo == hi} is one exact attenuation (a raw scan). Open-ended buckets use ±infinity.
 */
public record AttenuationHistogram(double[] lowDb, double[] highDb, double[] seconds) {

    public AttenuationHistogram {
        if (lowDb.length != highDb.length || lowDb.length != seconds.length) {
            throw new IllegalArgumentException("bucket arrays differ in length");
        }
        lowDb = lowDb.clone();
        highDb = highDb.clone();
        seconds = seconds.clone();
    }

    /** Total seconds in all buckets. */
    public double totalSeconds() {
        return Arrays.stream(seconds).sum();
    }

    /**
     * Seconds at an attenuation of at most {@code thresholdDb}. A bucket that straddles the threshold counts in
     * proportion (attenuation assumed uniform inside it), which is how rules with thresholds inside the 2 dB
     * buckets of published data sets (e.g. 55 dB in a 54–56 dB bucket) are applied; an exact value counts if it
     * is at most the threshold, as GAEN's inclusive bucket thresholds do.
     */
    public double secondsAtOrBelow(double thresholdDb) {
        if (thresholdDb == Double.POSITIVE_INFINITY) {
            return totalSeconds();
        }
        double s = 0;
        for (int i = 0; i < seconds.length; i++) {
            double lo = lowDb[i];
            double hi = highDb[i];
            if (lo == hi) {
                if (lo <= thresholdDb) {
                    s += seconds[i];
                }
            } else if (hi <= thresholdDb) {
                s += seconds[i];
            } else if (lo < thresholdDb) {
                s += seconds[i] * (thresholdDb - lo) / (hi - lo);
            }
        }
        return s;
    }
}
