package vn.bluezone.device.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import vn.bluezone.protocol.TemporaryExposureKey;

/**
 * Platform port for what the phone keeps: its own daily keys, the scans and sightings, the export files already
 * checked, the warnings already given, and small state values. Everything stays on the phone; retention is 14
 * days ({@link #purgeBefore}).
 */
public interface DeviceStorage extends AutoCloseable {
    /** Stores a new own key, or replaces the stored one with the same key data (e.g. a shortened period). */
    void saveKey(TemporaryExposureKey key);

    /** Own keys whose validity ends after {@code fromInterval}, oldest first. */
    List<TemporaryExposureKey> keysEndingAfter(long fromInterval);

    /** The own key with the latest rolling start, if any. */
    Optional<TemporaryExposureKey> latestKey();

    /** Records a scan and its sightings in one transaction; returns the scan id. */
    long recordScan(Instant startedAt, java.time.Duration duration, List<SightingDraft> sightings);

    /** Sightings seen at or after {@code from} and before {@code to}. */
    List<Sighting> sightingsBetween(Instant from, Instant to);

    /** Scans started at or after {@code from} and before {@code to}, oldest first. */
    List<ScanRecord> scansBetween(Instant from, Instant to);

    long sightingCount();

    /** Export files (by region and name) already checked. */
    Set<String> processedExportFiles(String region);

    void markExportFileProcessed(String region, String fileName, Instant at);

    /** Whether a warning of this level for this day of contact was given before; records it if not. */
    boolean recordWarningIfNew(String level, LocalDate contactDay, Instant at);

    /** Remembers a diagnosis key that matched this phone's sightings (it is re-scored at every check). */
    void saveMatchedKey(TemporaryExposureKey key, Instant matchedAt);

    /** Diagnosis keys that matched before, with their report type and days since onset. */
    List<TemporaryExposureKey> matchedKeys();

    Optional<String> state(String name);

    void setState(String name, String value);

    /** Deletes sightings, scans, own and matched keys, warnings and export file names older than {@code cutoff}. */
    PurgeResult purgeBefore(Instant cutoff);

    @Override
    void close();

    /** A sighting about to be stored (its scan id is assigned on storage). */
    record SightingDraft(byte[] rpi, byte[] aem, int rssiTypical, int rssiMax, int packets) {
    }
}
