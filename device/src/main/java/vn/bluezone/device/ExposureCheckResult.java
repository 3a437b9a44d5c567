package vn.bluezone.device;

import java.util.List;

import vn.bluezone.device.exposure.ExposureWarning;

/**
 * What one exposure check did: export files read, files rejected (with the reason, e.g. a bad signature),
 * keys checked, keys that matched this phone's sightings, and the warnings given (new ones only).
 */
public record ExposureCheckResult(List<String> filesRead, List<RejectedFile> filesRejected, long keysChecked,
                                  int keysMatched, List<ExposureWarning> warnings) {
    public ExposureCheckResult {
        filesRead = List.copyOf(filesRead);
        filesRejected = List.copyOf(filesRejected);
        warnings = List.copyOf(warnings);
    }

    /** An export file the phone refused to use. */
    public record RejectedFile(String region, String name, String reason) {
    }
}
