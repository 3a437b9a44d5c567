package vn.bluezone.protocol.matching;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;

/**
 * The RPIs a phone observed, in a compact open-addressing hash table built once and then only read (safe to share
 * between threads). Almost every lookup misses, so a miss must be cheap and allocation-free:
 * <ul>
 *   <li>{@code filter}: a bitmap with at least 16 bits per observed RPI, one bit set per RPI. About 15 in 16 misses
 *       stop here after reading one bit; 200,000 observed RPIs take 512 KiB, 20,000 take 64 KiB, so the filter
 *       stays in the core's own caches while the table below would not.</li>
 *   <li>{@code tags}: one {@code int} per slot, 0 = empty, else a 31-bit fingerprint of the RPI's second half.
 *       At most half the slots are used, so linear probing stays short.</li>
 *   <li>{@code slotRpi} and {@code rpiWords}: the slot's distinct-RPI index and the RPI as two {@code long}s,
 *       read only when a fingerprint matches, to confirm all 128 bits.</li>
 *   <li>Sightings of one RPI (a phone hears the same RPI many times in ten minutes) are grouped in
 *       compressed-row form: {@code first[r] .. first[r+1]} index into {@code sightingIds} and
 *       {@code sightingIntervals}.</li>
 * </ul>
 * Filter bit and slot are chosen by multiplying the first half of the RPI, mixed with a per-table secret seed, by
 * 64-bit odd constants and keeping the top bits. RPIs are AES outputs and thus uniform, but observed RPIs come from the air: without a secret seed a
 * malicious broadcaster could send RPIs crafted to pile into one probe run and slow matching down.
 */
public final class ObservedRpiTable {

    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long MIX = 0x9E3779B97F4A7C15L;
    private static final long MIX2 = 0xC2B2AE3D27D4EB4FL;
    /** Filter bits per observed RPI (at least): a miss passes the filter with probability ≤ 1/16. */
    private static final int FILTER_BITS_PER_RPI = 16;
    /** Far above what a phone stores in 14 days; keeps every size computation inside an int. */
    public static final int MAX_SIGHTINGS = 1 << 26;
    private static final SecureRandom SEEDS = new SecureRandom();

    private final List<Sighting> sightings;
    private final int distinct;
    private final int mask;
    private final int shift;
    private final int filterShift;
    private final long seed;
    private final long[] filter;
    private final int[] tags;
    private final int[] slotRpi;
    private final long[] rpiWords;
    private final int[] first;
    private final int[] sightingIds;
    private final long[] sightingIntervals;

    private ObservedRpiTable(List<Sighting> sightings, long seed) {
        this.sightings = sightings;
        this.seed = seed;
        int n = sightings.size();
        if (n > MAX_SIGHTINGS) {
            throw new IllegalArgumentException("too many sightings: " + n + " (at most " + MAX_SIGHTINGS + ")");
        }
        int capacity = Integer.highestOneBit(Math.max(16, n) * 2 - 1) << 1; // power of two ≥ 2n: load ≤ 0.5
        mask = capacity - 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
        int filterBits = Integer.highestOneBit(Math.max(64, n) * FILTER_BITS_PER_RPI - 1) << 1;
        filterShift = 64 - Integer.numberOfTrailingZeros(filterBits);
        filter = new long[filterBits >>> 6];
        tags = new int[capacity];
        slotRpi = new int[capacity];
        long[] words = new long[2 * Math.max(1, n)];
        int[] rpiOfSighting = new int[n];
        int[] counts = new int[n + 1];
        byte[] buf = new byte[Sighting.RPI_LENGTH];
        int d = 0;
        for (int s = 0; s < n; s++) {
            Sighting x = sightings.get(s);
            for (int b = 0; b < Sighting.RPI_LENGTH; b++) {
                buf[b] = x.rpiByte(b);
            }
            long hi = (long) LONG_LE.get(buf, 0);
            long lo = (long) LONG_LE.get(buf, 8);
            int r = find(hi, lo, words);
            if (r < 0) {
                r = d++;
                words[2 * r] = hi;
                words[2 * r + 1] = lo;
                insert(hi, lo, r);
            }
            rpiOfSighting[s] = r;
            counts[r + 1]++;
        }
        distinct = d;
        rpiWords = words;
        first = new int[d + 1];
        for (int r = 0; r < d; r++) {
            first[r + 1] = first[r] + counts[r + 1];
        }
        sightingIds = new int[n];
        sightingIntervals = new long[n];
        int[] next = java.util.Arrays.copyOf(first, d);
        for (int s = 0; s < n; s++) { // input order is kept within each RPI's group
            int p = next[rpiOfSighting[s]]++;
            sightingIds[p] = s;
            sightingIntervals[p] = sightings.get(s).intervalNumber();
        }
    }

    /** Builds the table from what the phone saw. */
    public static ObservedRpiTable of(Collection<Sighting> sightings) {
        return new ObservedRpiTable(List.copyOf(sightings), SEEDS.nextLong());
    }

    /** Number of sightings. */
    public int size() {
        return sightings.size();
    }

    /** Number of distinct RPIs. */
    public int distinctRpis() {
        return distinct;
    }

    public Sighting sighting(int id) {
        return sightings.get(id);
    }

    /**
     * Looks up the RPI at {@code buf[off .. off+16)}.
     *
     * @return the distinct-RPI index, or -1 if the phone never saw it
     */
    public int find(byte[] buf, int off) {
        return find((long) LONG_LE.get(buf, off), (long) LONG_LE.get(buf, off + 8), rpiWords);
    }

    /** First position (in sighting-group order) of RPI {@code r}'s sightings. */
    int groupStart(int r) {
        return first[r];
    }

    /** End (exclusive) of RPI {@code r}'s sightings. */
    int groupEnd(int r) {
        return first[r + 1];
    }

    /** Interval at which the sighting at group position {@code p} was received. */
    long intervalAt(int p) {
        return sightingIntervals[p];
    }

    /** Sighting id (index into the input order) at group position {@code p}. */
    int sightingIdAt(int p) {
        return sightingIds[p];
    }

    private int find(long hi, long lo, long[] words) {
        int bit = (int) (((hi ^ seed) * MIX) >>> filterShift);
        if ((filter[bit >>> 6] & (1L << bit)) == 0) { // Java masks the shift count to 0..63
            return -1;
        }
        int tag = tag(lo);
        int i = slot(hi);
        while (true) {
            int t = tags[i];
            if (t == 0) {
                return -1;
            }
            if (t == tag) {
                int r = slotRpi[i];
                if (words[2 * r] == hi && words[2 * r + 1] == lo) {
                    return r;
                }
            }
            i = (i + 1) & mask;
        }
    }

    private void insert(long hi, long lo, int r) {
        int i = slot(hi);
        while (tags[i] != 0) {
            i = (i + 1) & mask;
        }
        tags[i] = tag(lo);
        slotRpi[i] = r;
        int bit = (int) (((hi ^ seed) * MIX) >>> filterShift);
        filter[bit >>> 6] |= 1L << bit;
    }

    private int slot(long hi) {
        return (int) (((hi ^ seed) * MIX2) >>> shift);
    }

    private static int tag(long lo) {
        return (int) (lo >>> 32) | 1; // never 0, which marks an empty slot
    }
}
