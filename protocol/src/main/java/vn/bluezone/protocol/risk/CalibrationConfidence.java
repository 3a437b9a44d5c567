package vn.bluezone.protocol.risk;

/**
 * How much the receiving phone trusts its own RSSI calibration (GAEN v2 {@code CalibrationConfidence}: LOWEST 0
 * … HIGH 3). Carried on each {@link ExposureWindow} for diagnostics; it does not change the score.
 */
public enum CalibrationConfidence {
    /** No calibration data for this device model: attenuations may be off by many dB. */
    LOWEST,
    /** Calibrated from a similar device model. */
    LOW,
    /** Calibrated from this device model, few measurements. */
    MEDIUM,
    /** Calibrated from this device model, many measurements. */
    HIGH;

    public int code() {
        return ordinal();
    }
}
