package vn.bluezone.protocol.risk;

/**
 * A close-contact (F1) rule: "within {@code closeContactDistanceMeters} for a cumulative
 * {@code minimumCumulativeMinutes} or more in one day", translated to Bluetooth attenuation by the log-distance
 * path loss model
 *
 * <pre>  attenuation(d) ≈ referenceAttenuationDb + 10 · pathLossExponent · log10(d / 1 m)</pre>
 *
 * The shipped parameters (50.3 dB at 1 m, exponent 2.66) are fitted to the two calibration points the German
 * Corona-Warn-App published for GAEN attenuations — below 55 dB ≈ closer than 1.5 m, 55–63 dB ≈ 1.5 to 3 m —
 * which gives 58 dB for 2 m and 50 dB for 1 m. See protocol/README.md, "Risk scoring", for the sources and the
 * (large) uncertainty of any distance read from attenuation.
 *
 * @param closeContactDistanceMeters distance that counts as close, 0.1..10 m
 * @param minimumCumulativeMinutes   minutes within that distance in one UTC day that make a close contact, 1..1440
 * @param referenceAttenuationDb     modelled attenuation at 1 m, 0..255 dB
 * @param pathLossExponent           path loss exponent n (2 in free space, more indoors and through bodies), 1..6
 */
public record CloseContactRule(double closeContactDistanceMeters, int minimumCumulativeMinutes,
                               double referenceAttenuationDb, double pathLossExponent) {

    /** The Ministry of Health's F1 definition, the shipped default ({@link RiskPreset#DEFAULT}). */
    public static final double MINISTRY_DISTANCE_METERS = 2.0;
    public static final int MINISTRY_MINIMUM_MINUTES = 15;
    /** Fitted to CWA's 55 dB ↔ 1.5 m and 63 dB ↔ 3 m: n = 8 / (10·log10 2) ≈ 2.66, A(1 m) = 55 − 10·n·log10 1.5 ≈ 50.3. */
    public static final double DEFAULT_REFERENCE_ATTENUATION_DB = 50.3;
    public static final double DEFAULT_PATH_LOSS_EXPONENT = 2.66;

    /** Scores are sums of seconds × decimal weights; a microsecond of slack absorbs binary rounding of those. */
    private static final double TOLERANCE_SECONDS = 1e-6;

    public CloseContactRule {
        if (!Numbers.inRange(closeContactDistanceMeters, 0.1, 10)) {
            throw new RiskConfigurationException("closeContact.closeContactDistanceMeters must be in 0.1..10, was "
                    + Numbers.format(closeContactDistanceMeters));
        }
        if (minimumCumulativeMinutes < 1 || minimumCumulativeMinutes > 1440) {
            throw new RiskConfigurationException("closeContact.minimumCumulativeMinutes must be in 1..1440, was "
                    + minimumCumulativeMinutes);
        }
        if (!Numbers.inRange(referenceAttenuationDb, 0, 255)) {
            throw new RiskConfigurationException("closeContact.referenceAttenuationDb must be in 0..255, was "
                    + Numbers.format(referenceAttenuationDb));
        }
        if (!Numbers.inRange(pathLossExponent, 1, 6)) {
            throw new RiskConfigurationException("closeContact.pathLossExponent must be in 1..6, was "
                    + Numbers.format(pathLossExponent));
        }
        long threshold = Math.round(model(referenceAttenuationDb, pathLossExponent, closeContactDistanceMeters));
        if (threshold > ScanInstance.MAX_ATTENUATION_DB) {
            throw new RiskConfigurationException("closeContact gives an attenuation of " + threshold + " dB at "
                    + Numbers.format(closeContactDistanceMeters) + " m; it must be in 0..255");
        }
    }

    /** The Ministry's F1 rule: within 2 m for 15 minutes or more in a day, with the CWA-fitted path loss model. */
    public static CloseContactRule ministryF1() {
        return new CloseContactRule(MINISTRY_DISTANCE_METERS, MINISTRY_MINIMUM_MINUTES,
                DEFAULT_REFERENCE_ATTENUATION_DB, DEFAULT_PATH_LOSS_EXPONENT);
    }

    /** The same model with another distance and duration. */
    public CloseContactRule withDistanceAndMinutes(double distanceMeters, int minutes) {
        return new CloseContactRule(distanceMeters, minutes, referenceAttenuationDb, pathLossExponent);
    }

    /** Modelled attenuation in dB at {@code distanceMeters} (not rounded). */
    public double modelledAttenuationDb(double distanceMeters) {
        if (!(distanceMeters > 0)) {
            throw new IllegalArgumentException("distance must be positive, was " + distanceMeters);
        }
        return model(referenceAttenuationDb, pathLossExponent, distanceMeters);
    }

    /**
     * The whole-dB attenuation threshold for {@code distanceMeters}: the model's value rounded to the nearest dB,
     * clamped to 0..255. A scan whose typical attenuation is at most this counts as "within" the distance.
     */
    public int attenuationThresholdDb(double distanceMeters) {
        long t = Math.round(modelledAttenuationDb(distanceMeters));
        return (int) Math.max(0, Math.min(ScanInstance.MAX_ATTENUATION_DB, t));
    }

    /** The threshold for {@link #closeContactDistanceMeters()}: the "near" attenuation threshold. */
    public int attenuationThresholdDb() {
        return attenuationThresholdDb(closeContactDistanceMeters);
    }

    /** Distance in metres the model gives for an attenuation (for display; the inverse of the model). */
    public double modelledDistanceMeters(double attenuationDb) {
        return Math.pow(10, (attenuationDb - referenceAttenuationDb) / (10 * pathLossExponent));
    }

    public int minimumCumulativeSeconds() {
        return minimumCumulativeMinutes * 60;
    }

    /** Whether a day's score sum (weighted seconds) reaches the minimum cumulative time. */
    public boolean isCloseContact(double scoreSumSeconds) {
        return scoreSumSeconds + TOLERANCE_SECONDS >= minimumCumulativeSeconds();
    }

    /** Whether a day's summary reaches the minimum cumulative time (its {@code scoreSum}). */
    public boolean isCloseContact(ExposureSummary summary) {
        return isCloseContact(summary.scoreSum());
    }

    private static double model(double reference, double exponent, double distance) {
        return reference + 10 * exponent * Math.log10(distance);
    }
}
