package vn.bluezone.simulator.day;

import java.util.Arrays;

/**
 * One day's pair accumulators in an open-addressing table keyed by (a, b), a < b: ticks within 2 m (ground
 * truth), ticks the radio model heard as near (detection), exposure for transmission, first and last tick.
 * Cleared every day, so no contact outlives its day (memory stays bounded as days pass).
 */
public final class PairDayTable {
    private static final long EMPTY = -1L;
    private long[] keys;
    private int[] close;
    private int[] near;
    private float[] exposure;
    private short[] first;
    private short[] last;
    private byte[] kind;
    private int[][] nearByLevel = new int[0][];
    private final int levels;
    private boolean levelsOn;
    private int size;
    private int mask;

    public PairDayTable(int capacity, int noiseLevels) {
        this.levels = noiseLevels;
        allocate(Integer.highestOneBit(Math.max(1024, capacity) * 2 - 1));
    }

    private void allocate(int cap) {
        keys = new long[cap];
        Arrays.fill(keys, EMPTY);
        close = new int[cap];
        near = new int[cap];
        exposure = new float[cap];
        first = new short[cap];
        last = new short[cap];
        kind = new byte[cap];
        nearByLevel = levelsOn ? new int[levels][cap] : new int[0][];
        mask = cap - 1;
        size = 0;
    }

    /** Per-noise-level counters cost 4 bytes per level per slot: they exist only on noise-curve days. */
    public void levels(boolean on) {
        if (on == levelsOn) {
            return;
        }
        levelsOn = on;
        nearByLevel = on ? new int[levels][keys.length] : new int[0][];
    }

    public void clear() {
        if (size == 0) {
            return;
        }
        Arrays.fill(keys, EMPTY);
        Arrays.fill(close, 0);
        Arrays.fill(near, 0);
        Arrays.fill(exposure, 0);
        for (int[] l : nearByLevel) {
            Arrays.fill(l, 0);
        }
        size = 0;
    }

    public static long key(int a, int b) {
        return a < b ? ((long) a << 32) | b : ((long) b << 32) | a;
    }

    /** Slot of the pair, inserted if new (first tick and place kind recorded on insertion). */
    public int slot(long key, int tick, int placeKind) {
        int i = (int) (mix(key) & mask);
        while (true) {
            long k = keys[i];
            if (k == key) {
                return i;
            }
            if (k == EMPTY) {
                if ((size + 1) * 2 > keys.length) {
                    grow();
                    return slot(key, tick, placeKind);
                }
                keys[i] = key;
                first[i] = (short) tick;
                last[i] = (short) tick;
                kind[i] = (byte) placeKind;
                size++;
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] k0 = keys;
        int[] c0 = close;
        int[] n0 = near;
        float[] e0 = exposure;
        short[] f0 = first;
        short[] l0 = last;
        byte[] p0 = kind;
        int[][] nl0 = nearByLevel;
        allocate(k0.length * 2);
        for (int j = 0; j < k0.length; j++) {
            if (k0[j] == EMPTY) {
                continue;
            }
            int i = (int) (mix(k0[j]) & mask);
            while (keys[i] != EMPTY) {
                i = (i + 1) & mask;
            }
            keys[i] = k0[j];
            close[i] = c0[j];
            near[i] = n0[j];
            exposure[i] = e0[j];
            first[i] = f0[j];
            last[i] = l0[j];
            kind[i] = p0[j];
            for (int l = 0; l < nearByLevel.length; l++) {
                nearByLevel[l][i] = nl0[l][j];
            }
            size++;
        }
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    public void addClose(int slot, int ticks) {
        close[slot] += ticks;
    }

    public void addNear(int slot, int ticks) {
        near[slot] += ticks;
    }

    public void addNearAtLevel(int level, int slot, int ticks) {
        nearByLevel[level][slot] += ticks;
    }

    public void addExposure(int slot, float e) {
        exposure[slot] += e;
    }

    public void touch(int slot, int tick) {
        if (tick < first[slot]) {
            first[slot] = (short) tick;
        }
        if (tick > last[slot]) {
            last[slot] = (short) tick;
        }
    }

    public int capacity() {
        return keys.length;
    }

    public int size() {
        return size;
    }

    public boolean used(int slot) {
        return keys[slot] != EMPTY;
    }

    public int a(int slot) {
        return (int) (keys[slot] >>> 32);
    }

    public int b(int slot) {
        return (int) keys[slot];
    }

    public long keyAt(int slot) {
        return keys[slot];
    }

    public int closeTicks(int slot) {
        return close[slot];
    }

    public int nearTicks(int slot) {
        return near[slot];
    }

    public int nearTicksAtLevel(int level, int slot) {
        return nearByLevel[level][slot];
    }

    public float exposure(int slot) {
        return exposure[slot];
    }

    public int firstTick(int slot) {
        return first[slot];
    }

    public int lastTick(int slot) {
        return last[slot];
    }

    public int placeKind(int slot) {
        return kind[slot];
    }
}
