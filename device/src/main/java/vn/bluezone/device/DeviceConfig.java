package vn.bluezone.device;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import vn.bluezone.device.calibration.DeviceCalibration;
import vn.bluezone.device.messages.HealthHotline;
import vn.bluezone.device.messages.WarningMessages;
import vn.bluezone.device.scan.DutyCycle;
import vn.bluezone.device.update.AppVersion;

/**
 * What a phone is configured with at install time.
 *
 * @param regions export regions to download, e.g. {@code VN} (the whole country) or a province code
 * @param calibration this phone model's BLE calibration (transmit power into the metadata, RSSI correction)
 * @param trustedExportKeysPem P-256 public keys (PEM) that may sign export files and the configuration; a file
 *                             signed by none of them is rejected
 * @param dutyCycle the scan duty cycle until the key server's signed configuration sets another one
 * @param retention how long sightings and keys are kept (14 days)
 * @param appVersion the version of the app embedding the engine (like {@code 1.2.0}), compared with the key
 *                   server's {@code minimumAppVersion}; defaults to {@link DeviceEngine#VERSION}
 * @param shippedHotline the health hotline the app ships with (a phone number), named by the warnings while no
 *                       verified configuration gave one ({@link HealthHotline}); null: none
 */
public record DeviceConfig(List<String> regions, DutyCycle dutyCycle, DeviceCalibration calibration,
                           List<String> trustedExportKeysPem, Locale locale, Duration retention, String appVersion,
                           String shippedHotline) {
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
        appVersion = AppVersion.parse(appVersion == null ? DeviceEngine.VERSION : appVersion).text();
        if (shippedHotline != null && !HealthHotline.isPhoneNumber(shippedHotline)) {
            throw new IllegalArgumentException("the shipped hotline must be a phone number, was " + shippedHotline);
        }
    }

    /** Without a shipped hotline. */
    public DeviceConfig(List<String> regions, DutyCycle dutyCycle, DeviceCalibration calibration,
                        List<String> trustedExportKeysPem, Locale locale, Duration retention, String appVersion) {
        this(regions, dutyCycle, calibration, trustedExportKeysPem, locale, retention, appVersion, null);
    }

    /** Without an app version: the engine's own ({@link DeviceEngine#VERSION}). */
    public DeviceConfig(List<String> regions, DutyCycle dutyCycle, DeviceCalibration calibration,
                        List<String> trustedExportKeysPem, Locale locale, Duration retention) {
        this(regions, dutyCycle, calibration, trustedExportKeysPem, locale, retention, DeviceEngine.VERSION);
    }

    public static DeviceConfig of(String region, DeviceCalibration calibration, String trustedExportKeyPem) {
        return new DeviceConfig(List.of(region), DutyCycle.defaults(), calibration, List.of(trustedExportKeyPem),
                WarningMessages.VIETNAMESE, Duration.ofDays(14));
    }

    public DeviceConfig withDutyCycle(DutyCycle d) {
        return new DeviceConfig(regions, d, calibration, trustedExportKeysPem, locale, retention, appVersion,
                shippedHotline);
    }

    public DeviceConfig withLocale(Locale l) {
        return new DeviceConfig(regions, dutyCycle, calibration, trustedExportKeysPem, l, retention, appVersion,
                shippedHotline);
    }

    /** @throws IllegalArgumentException when {@code version} is not like {@code 1.2.0} */
    public DeviceConfig withAppVersion(String version) {
        return new DeviceConfig(regions, dutyCycle, calibration, trustedExportKeysPem, locale, retention,
                AppVersion.parse(version).text(), shippedHotline);
    }

    /** @throws IllegalArgumentException when {@code hotline} is not a phone number */
    public DeviceConfig withShippedHotline(String hotline) {
        return new DeviceConfig(regions, dutyCycle, calibration, trustedExportKeysPem, locale, retention, appVersion,
                hotline);
    }
}
