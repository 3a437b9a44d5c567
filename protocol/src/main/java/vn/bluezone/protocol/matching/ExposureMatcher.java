package vn.bluezone.protocol.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import vn.bluezone.protocol.TemporaryExposureKey;

/**
 * Finds which diagnosis keys produced RPIs this phone heard.
 *
 * <p>For each key the {@link RpiGenerator} derives all RPIs of its rolling period in one AES call; each RPI is looked
 * up in the {@link ObservedRpiTable}; a sighting counts only if it was received within
 * {@link #TOLERANCE_INTERVALS} intervals (±2 hours) of the interval the RPI belongs to, which is how far GAEN lets
 * clocks and rotation drift. Metadata is decrypted only for those sightings.
 *
 * <p>Output is one {@link KeyMatch} per distinct matching key, in input order; a key repeated in the input (e.g.
 * present in two export files) is reported once. {@link #matchParallel} gives exactly the same list as
 * {@link #match} and uses every core, each worker thread with its own generator and buffers.
 *
 * <p>Thread-safe: the table is read-only and every call uses its own generators.
 */
public final class ExposureMatcher {

    /** ±2 hours in 10-minute intervals. */
    public static final int TOLERANCE_INTERVALS = 12;
    /** Below this many keys per worker, splitting costs more than it saves. */
    private static final int MIN_KEYS_PER_CHUNK = 256;

    private static final Comparator<MatchedSighting> BY_TIME = Comparator
            .comparing((MatchedSighting m) -> m.sighting().seenAt())
            .thenComparingLong(MatchedSighting::rpiIntervalNumber);

    private final ObservedRpiTable table;

    public ExposureMatcher(ObservedRpiTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    public static ExposureMatcher of(Collection<Sighting> sightings) {
        return new ExposureMatcher(ObservedRpiTable.of(sightings));
    }

    public ObservedRpiTable table() {
        return table;
    }

    /** Matches keys one by one on the calling thread; {@code keys} may be any (lazy) sequence. */
    public List<KeyMatch> match(Iterable<TemporaryExposureKey> keys) {
        RpiGenerator gen = new RpiGenerator();
        List<KeyMatch> out = new ArrayList<>();
        for (TemporaryExposureKey key : keys) {
            scan(gen, key, out);
        }
        return dedupe(out);
    }

    /** Matches on every core of the common pool (plus the calling thread). */
    public List<KeyMatch> matchParallel(List<TemporaryExposureKey> keys) {
        return matchParallel(keys, ForkJoinPool.commonPool());
    }

    /** Matches on the workers of {@code pool}; the result equals {@link #match}'s. */
    public List<KeyMatch> matchParallel(List<TemporaryExposureKey> keys, ForkJoinPool pool) {
        int n = keys.size();
        boolean common = pool == ForkJoinPool.commonPool();
        int threads = pool.getParallelism() + (common ? 1 : 0); // a parallel stream's caller works too
        int chunks = Math.max(1, Math.min(n / MIN_KEYS_PER_CHUNK, threads * 8));
        if (chunks == 1) {
            return match(keys);
        }
        Callable<List<List<KeyMatch>>> work = () -> IntStream.range(0, chunks).parallel()
                .mapToObj(c -> {
                    RpiGenerator gen = new RpiGenerator(); // per chunk, so per thread: no sharing, no locking
                    List<KeyMatch> out = new ArrayList<>();
                    for (TemporaryExposureKey key : keys.subList(bound(c, chunks, n), bound(c + 1, chunks, n))) {
                        scan(gen, key, out);
                    }
                    return out;
                })
                .toList();
        List<List<KeyMatch>> parts;
        try {
            parts = common ? work.call() : pool.submit(work).join();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<KeyMatch> all = new ArrayList<>();
        parts.forEach(all::addAll);
        return dedupe(all);
    }

    /** Total RPIs the given keys produce: what "RPIs per second" counts. */
    public static long rpiCount(Collection<TemporaryExposureKey> keys) {
        long total = 0;
        for (TemporaryExposureKey k : keys) {
            total += k.rollingPeriod();
        }
        return total;
    }

    private void scan(RpiGenerator gen, TemporaryExposureKey key, List<KeyMatch> out) {
        long start = Integer.toUnsignedLong(key.rollingStartIntervalNumber());
        int count = gen.generate(key.keyData(), start, key.rollingPeriod());
        byte[] rpis = gen.rpis();
        List<MatchedSighting> found = null;
        for (int j = 0; j < count; j++) {
            int r = table.find(rpis, j * RpiGenerator.BLOCK);
            if (r < 0) {
                continue; // the hot path: a miss costs one tag read, no allocation
            }
            found = collect(gen, r, j, start + j, found);
        }
        if (found != null) {
            found.sort(BY_TIME);
            out.add(new KeyMatch(key, found));
        }
    }

    private List<MatchedSighting> collect(RpiGenerator gen, int r, int j, long rpiInterval,
                                          List<MatchedSighting> found) {
        byte[] rpi = null;
        for (int p = table.groupStart(r), end = table.groupEnd(r); p < end; p++) {
            if (Math.abs(table.intervalAt(p) - rpiInterval) > TOLERANCE_INTERVALS) {
                continue;
            }
            Sighting s = table.sighting(table.sightingIdAt(p));
            if (rpi == null) {
                rpi = gen.rpi(j);
            }
            byte[] metadata = gen.decryptMetadata(rpi, s.aem());
            if (found == null) {
                found = new ArrayList<>();
            }
            found.add(new MatchedSighting(s, rpiInterval, metadata));
        }
        return found;
    }

    private static int bound(int chunk, int chunks, int n) {
        return (int) ((long) n * chunk / chunks);
    }

    private static List<KeyMatch> dedupe(List<KeyMatch> matches) {
        Set<TemporaryExposureKey> seen = new HashSet<>();
        List<KeyMatch> out = new ArrayList<>(matches.size());
        for (KeyMatch m : matches) {
            if (seen.add(m.key())) {
                out.add(m);
            }
        }
        return List.copyOf(out);
    }
}
