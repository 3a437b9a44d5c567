package vn.bluezone.simulator.tracing;

/**
 * The contact-model radio settings. Attenuation of a scan comes from the shared model
 * ({@link vn.bluezone.device.sim.EncounterRadio}: the place's {@link vn.bluezone.device.sim.Environment} mean,
 * pose losses and a per-encounter shadow held while the poses last, per-scan fading) + the two phones' calibration
 * errors (normal, σ_cal dB, fixed per phone; default {@link vn.bluezone.device.sim.CalibrationError}); a scan
 * misses the packet with probability {@code loss}. {@code shadowingSigmaDb} scales every random term of the
 * encounter model: {@link #FITTED_SIGMA_DB} (8, the default) is the model as fitted, 0 none, 16 twice as much.
 * A scan counts as "near" when the attenuation is at most the phones' threshold, which comes from the risk
 * configuration, not from here ({@code SimulationConfig#nearThresholdDb()}).
 */
public record RadioModel(double referenceLossDb, double pathLossExponent, double shadowingSigmaDb,
                         double calibrationSigmaDb, double packetLoss) {

    /** The {@code --noise} value at which the encounter model's random terms are as fitted. */
    public static final double FITTED_SIGMA_DB = 8.0;

    public static RadioModel defaults() {
        return new RadioModel(50.3, 2.66, FITTED_SIGMA_DB,
                Math.round(vn.bluezone.device.sim.CalibrationError.PER_PHONE_SIGMA_DB * 10) / 10.0, 0.1);
    }

    /** Factor applied to the encounter model's random terms. */
    public double noiseScale() {
        return shadowingSigmaDb / FITTED_SIGMA_DB;
    }

    public static RadioModel noiseless() {
        return new RadioModel(50.3, 2.66, 0, 0, 0);
    }

    public RadioModel withShadowing(double sigma) {
        return new RadioModel(referenceLossDb, pathLossExponent, sigma, calibrationSigmaDb, packetLoss);
    }
}
