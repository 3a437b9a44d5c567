package vn.bluezone.simulator.tracing;

/**
 * The contact-model radio: attenuation = reference loss at 1 m + 10·n·log10(d) (log-distance path loss) + body and
 * orientation shadowing (normal, σ dB, drawn per scan) + the two phones' residual calibration errors (normal,
 * σ_cal dB, fixed per phone); a scan misses the packet with probability {@code loss}. A scan counts as "near" when
 * the attenuation is at most the threshold, set to the noiseless attenuation at 2 m, so that with no noise the
 * detector and the ground truth agree exactly. Default σ = 8 dB is the order measured for phones carried on people
 * in public studies of GAEN in buses and trams (Leith & Farrell, 2020). Path loss 50.3 dB at 1 m with exponent 2.66
 * is the device engine's simulated radio default (the log-distance fit of the Corona-Warn-App's published GAEN
 * calibration: 55 dB at 1.5 m, 58 dB at 2 m, 74 dB at 8 m), so both modes share one distance model.
 */
public record RadioModel(double referenceLossDb, double pathLossExponent, double shadowingSigmaDb,
                         double calibrationSigmaDb, double packetLoss, double nearMetres) {

    public static RadioModel defaults() {
        return new RadioModel(50.3, 2.66, 8.0, 3.0, 0.1, 2.0);
    }

    public static RadioModel noiseless() {
        return new RadioModel(50.3, 2.66, 0, 0, 0, 2.0);
    }

    public RadioModel withShadowing(double sigma) {
        return new RadioModel(referenceLossDb, pathLossExponent, sigma, calibrationSigmaDb, packetLoss, nearMetres);
    }

    public double pathLoss(double metres) {
        return referenceLossDb + 10 * pathLossExponent * Math.log10(Math.max(0.1, metres));
    }

    public double nearThresholdDb() {
        return pathLoss(nearMetres);
    }
}
