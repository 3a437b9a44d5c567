package vn.bluezone.device.store;

import java.util.ArrayList;
import java.util.List;

import vn.bluezone.device.store.DeviceStorage.SightingDraft;

/**
 * One phone's scans and their sightings in time order, for {@link InMemoryDeviceStorage}: primitive columns in
 * fixed-size chunks. A sighting is 20 bytes of RPI ‖ AEM and three ints; it belongs to the scan whose range
 * {@code [first(s), first(s + 1))} holds it. Rows are addressed by a position that only grows: appending fills the
 * last chunk or adds one, and the retention job moves the head and drops whole chunks behind it, so nothing is
 * ever copied to grow or to shrink (with thousands of simulated phones, growing arrays made the garbage collector
 * copy hundreds of megabytes at once).
 */
final class ScanLog {
    static final int SCANS_PER_CHUNK = 512;
    static final int SIGHTINGS_PER_CHUNK = 1024;
    private static final int BEACON = 20;

    private static final class ScanChunk {
        final long[] start = new long[SCANS_PER_CHUNK];
        final long[] duration = new long[SCANS_PER_CHUNK];
        final long[] id = new long[SCANS_PER_CHUNK];
        /** Position of the scan's first sighting. */
        final long[] first = new long[SCANS_PER_CHUNK];
    }

    private static final class SightingChunk {
        final byte[] beacon = new byte[SIGHTINGS_PER_CHUNK * BEACON];
        final int[] typical = new int[SIGHTINGS_PER_CHUNK];
        final int[] max = new int[SIGHTINGS_PER_CHUNK];
        final int[] packets = new int[SIGHTINGS_PER_CHUNK];
    }

    private ArrayList<ScanChunk> scans = new ArrayList<>();
    private ArrayList<SightingChunk> sightings = new ArrayList<>();
    /** Position of the first row of the first chunk. */
    private long scanBase;
    private long sightingBase;
    /** First live row and one past the last. */
    long scanHead;
    long scanEnd;
    long sightingHead;
    long sightingEnd;
    private long nextId = 1;

    /** Adds a scan with its sightings; answers its id. */
    long add(long startMs, long durationMs, List<SightingDraft> drafts) {
        long id = nextId++;
        if (scanEnd > scanHead && start(scanEnd - 1) > startMs) {
            insertInPlace(startMs, durationMs, id, drafts);
        } else {
            append(startMs, durationMs, id, drafts);
        }
        return id;
    }

    private void append(long startMs, long durationMs, long id, List<SightingDraft> drafts) {
        appendScan(startMs, durationMs, id);
        for (SightingDraft d : drafts) {
            appendSighting(d.rpi(), d.aem(), d.rssiTypical(), d.rssiMax(), d.packets());
        }
    }

    /** A scan stamped before the last one (the phone's clock was set back): rebuilt with it in its place. Rare. */
    private void insertInPlace(long startMs, long durationMs, long id, List<SightingDraft> drafts) {
        ScanLog rebuilt = new ScanLog();
        boolean placed = false;
        byte[] rpi = new byte[16];
        byte[] aem = new byte[4];
        for (long s = scanHead; s < scanEnd; s++) {
            if (!placed && start(s) > startMs) {
                rebuilt.append(startMs, durationMs, id, drafts);
                placed = true;
            }
            rebuilt.appendScan(start(s), duration(s), id(s));
            for (long j = first(s), end = sightingsEnd(s); j < end; j++) {
                beacon(j, rpi, aem);
                rebuilt.appendSighting(rpi, aem, typical(j), max(j), packets(j));
            }
        }
        if (!placed) {
            rebuilt.append(startMs, durationMs, id, drafts);
        }
        scans = rebuilt.scans;
        sightings = rebuilt.sightings;
        scanBase = 0;
        sightingBase = 0;
        scanHead = 0;
        scanEnd = rebuilt.scanEnd;
        sightingHead = 0;
        sightingEnd = rebuilt.sightingEnd;
    }

    private void appendScan(long startMs, long durationMs, long id) {
        long i = scanEnd - scanBase;
        if (i == (long) scans.size() * SCANS_PER_CHUNK) {
            scans.add(new ScanChunk());
        }
        ScanChunk c = scans.get((int) (i / SCANS_PER_CHUNK));
        int o = (int) (i % SCANS_PER_CHUNK);
        c.start[o] = startMs;
        c.duration[o] = durationMs;
        c.id[o] = id;
        c.first[o] = sightingEnd;
        scanEnd++;
    }

    private void appendSighting(byte[] rpi, byte[] aem, int typical, int max, int packets) {
        long i = sightingEnd - sightingBase;
        if (i == (long) sightings.size() * SIGHTINGS_PER_CHUNK) {
            sightings.add(new SightingChunk());
        }
        SightingChunk c = sightings.get((int) (i / SIGHTINGS_PER_CHUNK));
        int o = (int) (i % SIGHTINGS_PER_CHUNK);
        System.arraycopy(rpi, 0, c.beacon, o * BEACON, 16);
        System.arraycopy(aem, 0, c.beacon, o * BEACON + 16, 4);
        c.typical[o] = typical;
        c.max[o] = max;
        c.packets[o] = packets;
        sightingEnd++;
    }

    /** The sightings of scans started in [{@code fromMs}, {@code toMs}), in time order; one chunk look-up per row. */
    List<Sighting> sightings(long fromMs, long toMs) {
        List<Sighting> out = new ArrayList<>();
        byte[] rpi = new byte[16]; // Sighting copies what it is given, so one scratch pair serves every row
        byte[] aem = new byte[4];
        for (long s = firstScanAtOrAfter(fromMs); s < scanEnd; s++) {
            ScanChunk sc = scanChunk(s);
            int so = scanOffset(s, scanBase);
            if (sc.start[so] >= toMs) {
                break;
            }
            java.time.Instant seen = java.time.Instant.ofEpochMilli(sc.start[so]);
            long id = sc.id[so];
            for (long j = sc.first[so], end = sightingsEnd(s); j < end; j++) {
                SightingChunk c = sightingChunk(j);
                int o = sightingOffset(j);
                System.arraycopy(c.beacon, o * BEACON, rpi, 0, 16);
                System.arraycopy(c.beacon, o * BEACON + 16, aem, 0, 4);
                out.add(new Sighting(id, rpi, aem, c.typical[o], c.max[o], c.packets[o], seen));
            }
        }
        return out;
    }

    /** Forgets scans (and their sightings) that started before {@code ms}. */
    void dropBefore(long ms) {
        long head = firstScanAtOrAfter(ms);
        sightingHead = head < scanEnd ? first(head) : sightingEnd;
        scanHead = head;
        while (!scans.isEmpty() && scanBase + SCANS_PER_CHUNK <= scanHead) {
            scans.remove(0);
            scanBase += SCANS_PER_CHUNK;
        }
        while (!sightings.isEmpty() && sightingBase + SIGHTINGS_PER_CHUNK <= sightingHead) {
            sightings.remove(0);
            sightingBase += SIGHTINGS_PER_CHUNK;
        }
    }

    /** The first live scan that started at or after {@code ms} ({@link #scanEnd} if none). */
    long firstScanAtOrAfter(long ms) {
        long lo = scanHead;
        long hi = scanEnd;
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (start(mid) < ms) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private ScanChunk scanChunk(long s) {
        return scans.get((int) ((s - scanBase) / SCANS_PER_CHUNK));
    }

    private static int scanOffset(long s, long base) {
        return (int) ((s - base) % SCANS_PER_CHUNK);
    }

    long start(long s) {
        return scanChunk(s).start[scanOffset(s, scanBase)];
    }

    long duration(long s) {
        return scanChunk(s).duration[scanOffset(s, scanBase)];
    }

    long id(long s) {
        return scanChunk(s).id[scanOffset(s, scanBase)];
    }

    long first(long s) {
        return scanChunk(s).first[scanOffset(s, scanBase)];
    }

    /** One past the scan's last sighting. */
    long sightingsEnd(long s) {
        return s + 1 < scanEnd ? first(s + 1) : sightingEnd;
    }

    private SightingChunk sightingChunk(long j) {
        return sightings.get((int) ((j - sightingBase) / SIGHTINGS_PER_CHUNK));
    }

    private int sightingOffset(long j) {
        return (int) ((j - sightingBase) % SIGHTINGS_PER_CHUNK);
    }

    void beacon(long j, byte[] rpi, byte[] aem) {
        byte[] b = sightingChunk(j).beacon;
        int o = sightingOffset(j) * BEACON;
        System.arraycopy(b, o, rpi, 0, 16);
        System.arraycopy(b, o + 16, aem, 0, 4);
    }

    int typical(long j) {
        return sightingChunk(j).typical[sightingOffset(j)];
    }

    int max(long j) {
        return sightingChunk(j).max[sightingOffset(j)];
    }

    int packets(long j) {
        return sightingChunk(j).packets[sightingOffset(j)];
    }
}
