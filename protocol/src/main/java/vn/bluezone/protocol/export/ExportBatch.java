package vn.bluezone.protocol.export;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import vn.bluezone.protocol.TemporaryExposureKey;

/**
 * What one export file holds: the keys that arrived at the server between {@code startTimestamp} and
 * {@code endTimestamp} (UTC seconds) for a region, as file {@code batchNum} of {@code batchSize}.
 *
 * @param region e.g. "VN" or the MCC "452"
 * @param keys keys released for the first time
 * @param revisedKeys keys whose status changed since an earlier file (e.g. revoked); usually empty
 */
public record ExportBatch(String region, long startTimestamp, long endTimestamp, int batchNum, int batchSize,
                          List<TemporaryExposureKey> keys, List<TemporaryExposureKey> revisedKeys) {

    public ExportBatch {
        Objects.requireNonNull(region, "region");
        keys = List.copyOf(Objects.requireNonNullElse(keys, List.of()));
        revisedKeys = List.copyOf(Objects.requireNonNullElse(revisedKeys, List.of()));
    }

    /** A single-file batch (1 of 1) without revised keys, the common case. */
    public static ExportBatch of(String region, Instant start, Instant end, List<TemporaryExposureKey> keys) {
        return new ExportBatch(region, start.getEpochSecond(), end.getEpochSecond(), 1, 1, keys, List.of());
    }

    void validate() {
        if (region.isBlank()) {
            throw invalid("region must not be blank");
        }
        if (startTimestamp < 0 || endTimestamp < 0) {
            throw invalid("timestamps must not be before 1970");
        }
        if (endTimestamp < startTimestamp) {
            throw invalid("end timestamp " + endTimestamp + " is before start timestamp " + startTimestamp);
        }
        if (batchSize < 1 || batchNum < 1 || batchNum > batchSize) {
            throw invalid("batch " + batchNum + " of " + batchSize + " is not a 1-based position in its batch");
        }
    }

    private static KeyExportException invalid(String message) {
        return new KeyExportException(KeyExportError.INVALID_BATCH, message);
    }
}
