package vn.bluezone.protocol.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import vn.bluezone.protocol.ReportType;

/**
 * Up to 30 minutes of scans in which the phone heard one diagnosed key (GAEN v2 {@code ExposureWindow}).
 * Built from sightings by {@link ExposureWindowBuilder}; scored by {@link RiskScorer}.
 *
 * @param start                 time of the first scan in the window; {@link #day()} is its UTC date (keys and
 *                              daily summaries use UTC days, like the Exposure Notification API)
 * @param reportType            how the key's owner was diagnosed (UNKNOWN is scored as the configuration's
 *                              {@code reportTypeWhenMissing}, REVOKED scores 0)
 * @param infectiousness        the key owner's infectiousness on the key's day
 * @param calibrationConfidence the receiving phone's confidence in its RSSI calibration
 * @param scanInstances         the scans, in time order, at least one
 */
public record ExposureWindow(Instant start, ReportType reportType, Infectiousness infectiousness,
                             CalibrationConfidence calibrationConfidence, List<ScanInstance> scanInstances) {

    /** Longest time a window spans, from its first scan (GAEN: exposure windows are at most 30 minutes). */
    public static final int MAX_WINDOW_SECONDS = 30 * 60;

    public ExposureWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(reportType, "reportType");
        Objects.requireNonNull(infectiousness, "infectiousness");
        Objects.requireNonNull(calibrationConfidence, "calibrationConfidence");
        scanInstances = List.copyOf(scanInstances);
        if (scanInstances.isEmpty()) {
            throw new IllegalArgumentException("an exposure window needs at least one scan instance");
        }
    }

    /** A window placed at the start of a UTC day, for callers that only know the day (as GAEN reports it). */
    public static ExposureWindow onDay(LocalDate day, ReportType reportType, Infectiousness infectiousness,
                                       CalibrationConfidence calibrationConfidence, List<ScanInstance> scans) {
        return new ExposureWindow(day.atStartOfDay(ZoneOffset.UTC).toInstant(), reportType, infectiousness,
                calibrationConfidence, scans);
    }

    /** The UTC day the window belongs to. */
    public LocalDate day() {
        return LocalDate.ofInstant(start, ZoneOffset.UTC);
    }

    /** Sum of seconds since last scan over the window's scans: the unweighted duration. */
    public int durationSeconds() {
        int sum = 0;
        for (ScanInstance s : scanInstances) {
            sum += s.secondsSinceLastScan();
        }
        return sum;
    }
}
