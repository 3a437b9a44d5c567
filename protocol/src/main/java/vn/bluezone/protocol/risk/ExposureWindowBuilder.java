package vn.bluezone.protocol.risk;

import java.time.LocalDate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;

/**
 * Turns the time-ordered sightings of ONE matched key into scan instances and exposure windows, the way the
 * Exposure Notification framework does on a phone:
 *
 * <ol>
 *   <li><b>Scans.</b> Phones scan for a few seconds every few minutes, so the sightings are grouped into scans:
 *       a sighting joins the current scan while it is at most {@code scanGroupingSeconds} (default 20) after the
 *       scan's first sighting; otherwise it starts a new scan. Times are taken to the whole second.</li>
 *   <li><b>Attenuation</b> of each sighting = TX power (from the AEM) − (RSSI + this phone's RSSI correction),
 *       clamped to 0..255 dB.</li>
 *   <li><b>Typical attenuation = the mean</b> of the scan's attenuations, rounded to the nearest dB (halves up,
 *       i.e. towards "farther"). We follow GAEN, whose scan instance reports the minimum and the average
 *       ("Aggregation over a scan: ScanInstance min and average", Google's Exposure Notifications BLE
 *       attenuations page); a mean in dB is also what the published thresholds were calibrated against.
 *       Minimum attenuation = the smallest attenuation in the scan.</li>
 *   <li><b>Seconds since last scan</b> = time since the previous scan that heard this key, capped at
 *       {@code scanIntervalSeconds} (default 300, the ~5-minute period in which GAEN phones scan; published
 *       GAEN exposure windows show 180 and 300). The cap stands for the phone's own scan between two sightings:
 *       if the key was not heard for 20 minutes, the scans in between did not hear it, so the next scan stands
 *       for one scan period only. The first scan of the key also stands for one scan period.</li>
 *   <li><b>Windows.</b> A window starts at its first scan and holds the following scans that start less than
 *       30 minutes (1800 s) after it, on the same UTC day; the next scan opens a new window. Splitting at UTC
 *       midnight keeps each window in one day of the daily summaries.</li>
 * </ol>
 *
 * Instances are immutable; the {@code with…} methods return modified copies.
 */
public final class ExposureWindowBuilder {
    public static final int DEFAULT_SCAN_INTERVAL_SECONDS = 300;
    public static final int DEFAULT_SCAN_GROUPING_SECONDS = 20;

    private final int rssiCorrectionDb;
    private final CalibrationConfidence calibrationConfidence;
    private final int scanIntervalSeconds;
    private final int scanGroupingSeconds;

    private ExposureWindowBuilder(int rssiCorrectionDb, CalibrationConfidence calibrationConfidence,
                                  int scanIntervalSeconds, int scanGroupingSeconds) {
        if (rssiCorrectionDb < -100 || rssiCorrectionDb > 100) {
            throw new IllegalArgumentException("rssiCorrectionDb must be in -100..100, was " + rssiCorrectionDb);
        }
        if (scanIntervalSeconds < 1 || scanIntervalSeconds > ExposureWindow.MAX_WINDOW_SECONDS) {
            throw new IllegalArgumentException("scanIntervalSeconds must be in 1..1800, was " + scanIntervalSeconds);
        }
        if (scanGroupingSeconds < 0 || scanGroupingSeconds >= scanIntervalSeconds) {
            throw new IllegalArgumentException("scanGroupingSeconds must be in 0.." + (scanIntervalSeconds - 1)
                    + " (below scanIntervalSeconds), was " + scanGroupingSeconds);
        }
        this.rssiCorrectionDb = rssiCorrectionDb;
        this.calibrationConfidence = Objects.requireNonNull(calibrationConfidence, "calibrationConfidence");
        this.scanIntervalSeconds = scanIntervalSeconds;
        this.scanGroupingSeconds = scanGroupingSeconds;
    }

    /**
     * A builder for the receiving phone.
     *
     * @param rssiCorrectionDb the phone model's RSSI correction (GAEN calibration), added to the measured RSSI
     */
    public static ExposureWindowBuilder forDevice(int rssiCorrectionDb) {
        return new ExposureWindowBuilder(rssiCorrectionDb, CalibrationConfidence.MEDIUM,
                DEFAULT_SCAN_INTERVAL_SECONDS, DEFAULT_SCAN_GROUPING_SECONDS);
    }

    public ExposureWindowBuilder withCalibrationConfidence(CalibrationConfidence confidence) {
        return new ExposureWindowBuilder(rssiCorrectionDb, confidence, scanIntervalSeconds, scanGroupingSeconds);
    }

    public ExposureWindowBuilder withScanIntervalSeconds(int seconds) {
        return new ExposureWindowBuilder(rssiCorrectionDb, calibrationConfidence, seconds, scanGroupingSeconds);
    }

    public ExposureWindowBuilder withScanGroupingSeconds(int seconds) {
        return new ExposureWindowBuilder(rssiCorrectionDb, calibrationConfidence, scanIntervalSeconds, seconds);
    }

    public int rssiCorrectionDb() {
        return rssiCorrectionDb;
    }

    public int scanIntervalSeconds() {
        return scanIntervalSeconds;
    }

    public int scanGroupingSeconds() {
        return scanGroupingSeconds;
    }

    /**
     * Windows for one diagnosis key, taking its report type and infectiousness (from its days since onset) through
     * the configuration, as the phone does when it matches a downloaded key.
     */
    public List<ExposureWindow> build(List<Sighting> sightings, TemporaryExposureKey key, RiskConfiguration config) {
        return build(sightings, config.effectiveReportType(key.reportType()),
                config.infectiousnessFor(key.daysSinceOnsetOfSymptoms()));
    }

    /**
     * Windows for one key's sightings.
     *
     * @param sightings the key's sightings in time order (not decreasing); may be empty
     * @throws IllegalArgumentException when the sightings are out of time order
     */
    public List<ExposureWindow> build(List<Sighting> sightings, ReportType reportType, Infectiousness infectiousness) {
        Objects.requireNonNull(reportType, "reportType");
        Objects.requireNonNull(infectiousness, "infectiousness");
        List<ExposureWindow> windows = new ArrayList<>();
        List<Scan> scans = groupIntoScans(sightings);
        List<ScanInstance> current = new ArrayList<>();
        long windowStart = 0;
        LocalDate windowDay = null;
        long previousScan = Long.MIN_VALUE;
        for (Scan scan : scans) {
            int seconds = previousScan == Long.MIN_VALUE ? scanIntervalSeconds
                    : (int) Math.min(scan.start - previousScan, scanIntervalSeconds);
            previousScan = scan.start;
            LocalDate day = utcDay(scan.start);
            if (!current.isEmpty() && (scan.start - windowStart >= ExposureWindow.MAX_WINDOW_SECONDS
                    || !day.equals(windowDay))) {
                windows.add(window(windowStart, reportType, infectiousness, current));
                current = new ArrayList<>();
            }
            if (current.isEmpty()) {
                windowStart = scan.start;
                windowDay = day;
            }
            current.add(new ScanInstance(scan.typicalAttenuation(), scan.minAttenuation, seconds));
        }
        if (!current.isEmpty()) {
            windows.add(window(windowStart, reportType, infectiousness, current));
        }
        return windows;
    }

    /** Groups sightings into scans (step 1 and 2 above); exposed for tests and diagnostics. */
    List<Scan> groupIntoScans(List<Sighting> sightings) {
        List<Scan> scans = new ArrayList<>();
        Scan scan = null;
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < sightings.size(); i++) {
            Sighting s = sightings.get(i);
            long t = s.time().getEpochSecond();
            if (t < previous) {
                throw new IllegalArgumentException("sightings must be in time order: sighting " + i + " at "
                        + s.time() + " is before sighting " + (i - 1));
            }
            previous = t;
            if (scan == null || t - scan.start > scanGroupingSeconds) {
                scan = new Scan(t);
                scans.add(scan);
            }
            scan.add(s.attenuationDb(rssiCorrectionDb));
        }
        return scans;
    }

    private ExposureWindow window(long start, ReportType reportType, Infectiousness infectiousness,
                                  List<ScanInstance> scans) {
        return new ExposureWindow(Instant.ofEpochSecond(start), reportType, infectiousness,
                calibrationConfidence, scans);
    }

    /** Keys are daily in UTC, so windows and daily summaries use UTC days too. */
    private static LocalDate utcDay(long epochSecond) {
        return LocalDate.ofEpochDay(Math.floorDiv(epochSecond, 86_400L));
    }

    /** The attenuations heard in one scan. */
    static final class Scan {
        final long start;
        private long sum;
        private int count;
        int minAttenuation = Integer.MAX_VALUE;

        Scan(long start) {
            this.start = start;
        }

        void add(int attenuation) {
            sum += attenuation;
            count++;
            minAttenuation = Math.min(minAttenuation, attenuation);
        }

        /** Mean rounded to the nearest dB, halves up: floor((2·sum + n) / 2n). */
        int typicalAttenuation() {
            return (int) Math.floorDiv(2 * sum + count, 2L * count);
        }

        int count() {
            return count;
        }
    }

    @Override
    public String toString() {
        return "ExposureWindowBuilder[rssiCorrection=" + rssiCorrectionDb + " dB, " + calibrationConfidence
                + ", scanInterval=" + scanIntervalSeconds + " s, scanGrouping=" + scanGroupingSeconds + " s]";
    }
}
