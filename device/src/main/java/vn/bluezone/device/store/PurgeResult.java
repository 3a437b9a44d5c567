package vn.bluezone.device.store;

/** How many rows the retention job deleted. */
public record PurgeResult(int sightings, int scans, int keys, int matchedKeys, int warnings, int exportFiles) {
}
