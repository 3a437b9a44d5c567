package vn.bluezone.protocol.risk;

import java.time.Instant;
import java.util.Objects;
import vn.bluezone.protocol.crypto.BluetoothMetadata;

/**
 * One received beacon of a matched key: when it was heard, at what signal strength, and the sender's calibrated
 * transmit power read from its decrypted Associated Encrypted Metadata (byte 1, signed dBm).
 *
 * @param time        when the beacon was received
 * @param rssiDbm     measured (uncalibrated) RSSI, -127..20 dBm as Bluetooth reports it
 * @param txPowerDbm  calibrated transmit power from the AEM metadata, -128..127 dBm
 */
public record Sighting(Instant time, int rssiDbm, int txPowerDbm) {

    public Sighting {
        Objects.requireNonNull(time, "time");
        if (rssiDbm < -127 || rssiDbm > 20) {
            throw new IllegalArgumentException("rssiDbm must be in -127..20, was " + rssiDbm);
        }
        if (txPowerDbm < Byte.MIN_VALUE || txPowerDbm > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("txPowerDbm must be in -128..127, was " + txPowerDbm);
        }
    }

    /** A sighting whose TX power comes from the beacon's decrypted AEM metadata (byte 1). */
    public static Sighting of(Instant time, int rssiDbm, BluetoothMetadata metadata) {
        return new Sighting(time, rssiDbm, metadata.txPowerDbm());
    }

    /** A sighting at {@code epochSecond}, for tests and simulations. */
    public static Sighting at(long epochSecond, int rssiDbm, int txPowerDbm) {
        return new Sighting(Instant.ofEpochSecond(epochSecond), rssiDbm, txPowerDbm);
    }

    /**
     * Attenuation = TX_power − (RSSI_measured + RSSI_correction), clamped to 0..255 dB (GAEN "Exposure
     * Notifications BLE attenuations"; the API reports attenuation as an unsigned byte).
     */
    public int attenuationDb(int rssiCorrectionDb) {
        int a = txPowerDbm - (rssiDbm + rssiCorrectionDb);
        return Math.max(0, Math.min(ScanInstance.MAX_ATTENUATION_DB, a));
    }
}
