package vn.bluezone.device.sim;

import java.time.Duration;

/**
 * Parameters of the simulated BLE channel.
 *
 * <p>Received power of one packet:
 * {@code rssi = txPower(sender) - pathLoss(d) + shadowing + fastFading - rssiCorrection(receiver)}, where
 * {@code pathLoss(d) = referenceLossDb + 10 * pathLossExponent * log10(d / 1 m)} (log-distance model),
 * {@code shadowing} is the shared encounter model's slow part ({@link EncounterRadio}: pose losses, an encounter
 * shadow held while both phones keep their pose, per-scan fading; room environment) scaled by
 * {@code shadowingSigmaDb / 8} (8 = as fitted, 0 = none), and
 * {@code fastFading ~ N(0, fastFadingSigmaDb)} per packet. The receiver's raw RSSI is off by its model's bias,
 * which the calibration table's {@code rssi_correction} undoes; the sender's calibrated transmit power is what
 * it writes into its metadata, so attenuation = tx - (rssi + correction) = pathLoss - shadowing - fading.
 *
 * <p>{@code shadowingCoherence} is no longer used (the pose dwell times set how long shadowing lasts); it is kept
 * so that existing configurations still construct.
 *
 * <p>History: σ ≈ 8 dB came from Leith and Farrell measured phones in a commuter bus and a light-rail tram (Trinity College
 * Dublin, 2020: "Coronavirus contact tracing: evaluating the potential of using Bluetooth received signal
 * strength for proximity detection", ACM SIGCOMM CCR 50(4); "Measurement-based evaluation of Google/Apple
 * Exposure Notification API for proximity detection in a light-rail tram", PLoS ONE 15(9) e0239943) and found
 * that body absorption, handset orientation and reflections move the received signal by well over 10 dB at the
 * same distance, so that it need not even fall with distance. A log-normal shadowing σ of about 8 dB (slow, per
 * pair) plus about 3 dB of per-packet fading reproduces spreads of that size; both are configurable.
 *
 * @param referenceLossDb path loss at 1 m, dB
 * @param pathLossExponent 2 in free space, larger indoors
 * @param shadowingSigmaDb σ of the slow body/orientation shadowing, dB
 * @param shadowingCoherence how long one shadowing draw holds for a pair of phones
 * @param fastFadingSigmaDb σ of per-packet fading, dB
 * @param packetLossProbability probability that a packet above the sensitivity is still lost (collisions etc.)
 * @param sensitivityDbm weakest raw RSSI a phone still receives
 * @param advertisingInterval time between advertising events (Exposure Notification: 200-270 ms)
 */
public record RadioModel(double referenceLossDb, double pathLossExponent, double shadowingSigmaDb,
                         Duration shadowingCoherence, double fastFadingSigmaDb, double packetLossProbability,
                         double sensitivityDbm, Duration advertisingInterval) {
    /** Path loss at 1 m of the default model (CWA-fitted, see {@link #defaults()}). */
    public static final double REFERENCE_LOSS_DB = 50.3;
    public static final double PATH_LOSS_EXPONENT = 2.66;
    /** The shadowing value at which the encounter model's random terms are as fitted. */
    public static final double FITTED_SIGMA_DB = 8.0;

    public RadioModel {
        if (pathLossExponent <= 0 || pathLossExponent > 6) {
            throw new IllegalArgumentException("path loss exponent must be in (0, 6], was " + pathLossExponent);
        }
        if (shadowingSigmaDb < 0 || fastFadingSigmaDb < 0) {
            throw new IllegalArgumentException("σ must not be negative");
        }
        if (packetLossProbability < 0 || packetLossProbability >= 1) {
            throw new IllegalArgumentException("packet loss probability must be in [0, 1), was " + packetLossProbability);
        }
        if (shadowingCoherence.isNegative() || shadowingCoherence.isZero()) {
            throw new IllegalArgumentException("shadowing coherence must be positive");
        }
        if (advertisingInterval.toMillis() < 20) {
            throw new IllegalArgumentException("advertising interval must be at least 20 ms (BLE minimum)");
        }
    }

    /**
     * Defaults: path loss 50.3 dB at 1 m with exponent 2.66, the log-distance fit of the Corona-Warn-App's published
     * GAEN calibration (55 dB ≈ 1.5 m, 63 dB ≈ 3 m) that {@code vn.bluezone.protocol.risk.CloseContactRule} also
     * uses, so that the mean attenuation is 55 dB at 1.5 m, 58 dB at 2 m and 74 dB at 8 m; σ 8 dB shadowing held
     * for 60 s; 3 dB fading; 10 % packet loss; -100 dBm sensitivity; 250 ms advertising interval.
     */
    public static RadioModel defaults() {
        return new RadioModel(REFERENCE_LOSS_DB, PATH_LOSS_EXPONENT, 8.0, Duration.ofSeconds(60), 3.0, 0.10, -100.0,
                Duration.ofMillis(250));
    }

    /** A noiseless, lossless channel: attenuation equals the path loss; for tests of the geometry. */
    public static RadioModel ideal() {
        return new RadioModel(REFERENCE_LOSS_DB, PATH_LOSS_EXPONENT, 0.0, Duration.ofSeconds(60), 0.0, 0.0, -100.0,
                Duration.ofMillis(250));
    }

    public RadioModel withShadowingSigma(double sigmaDb) {
        return new RadioModel(referenceLossDb, pathLossExponent, sigmaDb, shadowingCoherence, fastFadingSigmaDb,
                packetLossProbability, sensitivityDbm, advertisingInterval);
    }

    public RadioModel withPacketLoss(double probability) {
        return new RadioModel(referenceLossDb, pathLossExponent, shadowingSigmaDb, shadowingCoherence,
                fastFadingSigmaDb, probability, sensitivityDbm, advertisingInterval);
    }

    public RadioModel withPathLoss(double referenceLoss, double exponent) {
        return new RadioModel(referenceLoss, exponent, shadowingSigmaDb, shadowingCoherence, fastFadingSigmaDb,
                packetLossProbability, sensitivityDbm, advertisingInterval);
    }

    /** Mean path loss at distance {@code meters} (clamped to 10 cm). */
    public double pathLossDb(double meters) {
        return referenceLossDb + 10.0 * pathLossExponent * Math.log10(Math.max(meters, 0.1));
    }
}
