package vn.bluezone.device.calibration;

/**
 * BLE calibration of one phone model.
 *
 * @param rssiCorrection dB added to this phone's raw RSSI so that it reads like the reference receiver (iPhone)
 * @param txPower calibrated transmit power in dBm that this phone writes into its metadata (AEM byte 1)
 * @param confidence 3 = measured for this model, 2 = average of the manufacturer's models, 0 = table average
 */
public record DeviceCalibration(String manufacturer, String device, String model, int rssiCorrection, int txPower,
                                int confidence, Match match) {
    /** How a phone's calibration was found. */
    public enum Match {
        EXACT_MODEL, MANUFACTURER_AVERAGE, DEFAULT
    }

    public DeviceCalibration {
        if (txPower < -128 || txPower > 127) {
            throw new IllegalArgumentException("transmit power must fit a signed byte, was " + txPower);
        }
    }
}
