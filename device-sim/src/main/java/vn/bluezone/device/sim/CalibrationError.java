package vn.bluezone.device.sim;

/**
 * How far a phone model's shipped calibration (RSSI correction, TX power) may be from the truth. Google's public
 * list exists in revisions; for the 57 models present both in its 2020-06-13 revision and in the 2020-12-14
 * revision our curated table comes from, the RSSI correction differs by SD 3.4 dB and the TX power by SD 5.5 dB
 * (device/README.md). If both revisions carry independent errors of equal size, each has σ = SD / √2: 2.4 dB
 * (RSSI correction) and 3.9 dB (TX power). A pair's attenuation error is the sender's TX error minus the
 * receiver's RSSI error, σ = √(2.4² + 3.9²) ≈ 4.6 dB per pair, or 3.2 dB per phone when split evenly between
 * the two phones of a symmetric contact model. Models missing from the table (manufacturer or table average) are
 * off by more; we do not model that separately.
 */
public final class CalibrationError {
    public static final double RSSI_CORRECTION_SIGMA_DB = 2.4;
    public static final double TX_POWER_SIGMA_DB = 3.9;
    /** Per phone in a symmetric model: √((2.4² + 3.9²) / 2). */
    public static final double PER_PHONE_SIGMA_DB =
            Math.sqrt((RSSI_CORRECTION_SIGMA_DB * RSSI_CORRECTION_SIGMA_DB + TX_POWER_SIGMA_DB * TX_POWER_SIGMA_DB) / 2);

    private CalibrationError() {
    }
}
