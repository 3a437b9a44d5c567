package vn.bluezone.device;

import java.util.List;

import vn.bluezone.device.exposure.ExposureWarning;

/**
 * What one exposure check did: export files read, files rejected (with the reason, e.g. a bad signature),
 * keys checked, keys that matched this phone's sightings, the warnings given (new ones only), and what the
 * server's signed configuration changed (risk, scan duty cycle, whether the app must be updated).
 */
public record ExposureCheckResult(List<String> filesRead, List<RejectedFile> filesRejected, long keysChecked,
                                  int keysMatched, List<ExposureWarning> warnings, ConfigurationRefresh configuration) {
    public ExposureCheckResult {
        filesRead = List.copyOf(filesRead);
        filesRejected = List.copyOf(filesRejected);
        warnings = List.copyOf(warnings);
        java.util.Objects.requireNonNull(configuration);
    }

    /** The key server requires a newer app than this one (its signed {@code minimumAppVersion}). */
    public boolean updateRequired() {
        return configuration.updateRequired();
    }

    /** An export file the phone refused to use. */
    public record RejectedFile(String region, String name, String reason) {
    }
}
