package vn.bluezone.device.store;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;

/**
 * {@link DeviceStorage} in the heap, with the same contract as {@link SqliteDeviceStorage} (both pass
 * {@code DeviceStorageContract}): for simulations of thousands of phones in one process, where a SQLite
 * transaction per scan and a row object per sighting cost more than the rest of the engine. Not for real phones:
 * nothing survives the process.
 *
 * <p>Scans and sightings are kept in a {@link ScanLog} (chunks of primitive columns in time order), so that 14 days
 * of a busy phone are a few dozen arrays rather than thousands of objects. Times are kept in epoch milliseconds,
 * as SQLite stores them, so both stores answer the same instants.
 */
public final class InMemoryDeviceStorage implements DeviceStorage {
    /** Own keys in insertion order (SQLite's rowid order, which breaks ties). */
    private final List<TemporaryExposureKey> ownKeys = new ArrayList<>();
    private final List<TemporaryExposureKey> matched = new ArrayList<>();
    private final Map<String, Map<String, Long>> exportFiles = new HashMap<>();
    private final Map<String, Long> warnings = new HashMap<>();
    private final Map<String, String> state = new HashMap<>();

    private final ScanLog log = new ScanLog();

    @Override
    public synchronized void saveKey(TemporaryExposureKey key) {
        TemporaryExposureKey plain = new TemporaryExposureKey(key.keyData(), key.rollingStartIntervalNumber(),
                key.rollingPeriod(), 0, ReportType.UNKNOWN, null);
        upsert(ownKeys, plain);
    }

    @Override
    public synchronized List<TemporaryExposureKey> keysEndingAfter(long fromInterval) {
        List<TemporaryExposureKey> out = new ArrayList<>();
        for (TemporaryExposureKey k : ownKeys) {
            if (k.rollingEndIntervalNumber() > fromInterval) {
                out.add(k);
            }
        }
        // Stable: equal rolling starts stay in insertion order.
        out.sort((a, b) -> Integer.compare(a.rollingStartIntervalNumber(), b.rollingStartIntervalNumber()));
        return out;
    }

    @Override
    public synchronized Optional<TemporaryExposureKey> latestKey() {
        TemporaryExposureKey best = null;
        for (TemporaryExposureKey k : ownKeys) {
            if (best == null || k.rollingStartIntervalNumber() >= best.rollingStartIntervalNumber()) {
                best = k;
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public synchronized long recordScan(Instant startedAt, Duration duration, List<SightingDraft> drafts) {
        for (SightingDraft d : drafts) {
            if (d.rpi() == null || d.rpi().length != 16 || d.aem() == null || d.aem().length != 4) {
                throw new StorageException("storing a scan failed: a sighting needs a 16-byte RPI and a 4-byte AEM",
                        null);
            }
        }
        return log.add(startedAt.toEpochMilli(), duration.toMillis(), drafts);
    }

    @Override
    public synchronized List<Sighting> sightingsBetween(Instant from, Instant to) {
        return log.sightings(from.toEpochMilli(), to.toEpochMilli());
    }

    @Override
    public synchronized List<ScanRecord> scansBetween(Instant from, Instant to) {
        long b = to.toEpochMilli();
        List<ScanRecord> out = new ArrayList<>();
        for (long s = log.firstScanAtOrAfter(from.toEpochMilli()); s < log.scanEnd && log.start(s) < b; s++) {
            out.add(new ScanRecord(log.id(s), Instant.ofEpochMilli(log.start(s)), Duration.ofMillis(log.duration(s))));
        }
        return out;
    }

    @Override
    public synchronized long sightingCount() {
        return log.sightingEnd - log.sightingHead;
    }

    @Override
    public synchronized Set<String> processedExportFiles(String region) {
        return new HashSet<>(exportFiles.getOrDefault(region, Map.of()).keySet());
    }

    @Override
    public synchronized void markExportFileProcessed(String region, String fileName, Instant at) {
        exportFiles.computeIfAbsent(region, r -> new HashMap<>()).put(fileName, at.toEpochMilli());
    }

    @Override
    public synchronized boolean recordWarningIfNew(String level, LocalDate contactDay, Instant at) {
        return warnings.putIfAbsent(level + "|" + contactDay, at.toEpochMilli()) == null;
    }

    @Override
    public synchronized void saveMatchedKey(TemporaryExposureKey key, Instant matchedAt) {
        upsert(matched, key);
    }

    @Override
    public synchronized List<TemporaryExposureKey> matchedKeys() {
        List<TemporaryExposureKey> out = new ArrayList<>(matched);
        out.sort((a, b) -> Integer.compare(a.rollingStartIntervalNumber(), b.rollingStartIntervalNumber()));
        return out;
    }

    @Override
    public synchronized Optional<String> state(String name) {
        return Optional.ofNullable(state.get(name));
    }

    @Override
    public synchronized void setState(String name, String value) {
        if (name == null || value == null) {
            throw new StorageException("writing state failed: name and value are required", null);
        }
        state.put(name, value);
    }

    @Override
    public synchronized PurgeResult purgeBefore(Instant cutoff) {
        long ms = cutoff.toEpochMilli();
        long interval = EnIntervalNumber.of(cutoff);
        long scansBefore = log.scanEnd - log.scanHead;
        long sightingsBefore = log.sightingEnd - log.sightingHead;
        log.dropBefore(ms);
        int oldScans = (int) (scansBefore - (log.scanEnd - log.scanHead));
        int oldSightings = (int) (sightingsBefore - (log.sightingEnd - log.sightingHead));
        // A key is old once its whole validity lies before the cutoff.
        int keys = removeEndedBy(ownKeys, interval);
        int matchedKeys = removeEndedBy(matched, interval);
        int warned = removeBefore(warnings, ms);
        int files = 0;
        for (Map<String, Long> names : exportFiles.values()) {
            files += removeBefore(names, ms);
        }
        return new PurgeResult(oldSightings, oldScans, keys, matchedKeys, warned, files);
    }

    @Override
    public synchronized void close() {
        // Nothing to release: the arrays go with the object.
    }

    private static void upsert(List<TemporaryExposureKey> keys, TemporaryExposureKey key) {
        byte[] data = key.keyData();
        for (int i = 0; i < keys.size(); i++) {
            if (Arrays.equals(keys.get(i).keyData(), data)) {
                keys.set(i, key); // keeps its place, as an SQLite upsert keeps the rowid
                return;
            }
        }
        keys.add(key);
    }

    private static int removeEndedBy(List<TemporaryExposureKey> keys, long interval) {
        int before = keys.size();
        keys.removeIf(k -> k.rollingEndIntervalNumber() <= interval);
        return before - keys.size();
    }

    private static int removeBefore(Map<String, Long> times, long ms) {
        int before = times.size();
        times.values().removeIf(t -> t < ms);
        return before - times.size();
    }
}
