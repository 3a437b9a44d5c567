package vn.bluezone.device;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import vn.bluezone.device.calibration.DeviceCalibration;
import vn.bluezone.device.messages.WarningMessages;
import vn.bluezone.device.scan.DutyCycle;

/**
 * What a phone is configured with at install time.
 *
 * @param regions export regions to download, e.g. {@code VN} (the whole country) or a province code
 * @param calibration this phone model's BLE calibration (transmit power into the metadata, RSSI correction)
 * @param trustedExportKeysPem P-256 public keys (PEM) that may sign export files and the configuration; a file
 *                             signed by none of them is rejected
 * @param retention how long sightings and keys are kept (14 days)
 */
public record DeviceConfig(List<String> regions, DutyCycle dutyCycle, DeviceCalibration calibration,
                           List<String> trustedExportKeysPem, Locale locale, Duration retention) {
    public DeviceConfig {
        regions = List.copyOf(regions);
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("at least one export region is needed");
        }
        Objects.requireNonNull(dutyCycle);
        Objects.requireNonNull(calibration);
        trustedExportKeysPem = List.copyOf(trustedExportKeysPem);
        if (trustedExportKeysPem.isEmpty()) {
            throw new IllegalArgumentException("a trusted export signing key is needed: unsigned files are never used");
        }
        locale = locale == null ? WarningMessages.VIETNAMESE : locale;
        if (retention.compareTo(Duration.ofDays(1)) < 0 || retention.compareTo(Duration.ofDays(21)) > 0) {
            throw new IllegalArgumentException("retention must be 1..21 days, was " + retention);
        }
    }

    public static DeviceConfig of(String region, DeviceCalibration calibration, String trustedExportKeyPem) {
        return new DeviceConfig(List.of(region), DutyCycle.defaults(), calibration, List.of(trustedExportKeyPem),
                WarningMessages.VIETNAMESE, Duration.ofDays(14));
    }

    public DeviceConfig withDutyCycle(DutyCycle d) {
        return new DeviceConfig(regions, d, calibration, trustedExportKeysPem, locale, retention);
    }

    public DeviceConfig withLocale(Locale l) {
        return new DeviceConfig(regions, dutyCycle, calibration, trustedExportKeysPem, l, retention);
    }
}
