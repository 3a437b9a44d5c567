package vn.bluezone.simulator.engines;

import java.util.Arrays;
import vn.bluezone.simulator.day.DayContext;
import vn.bluezone.simulator.day.Ticks;
import vn.bluezone.simulator.util.IntList;

/**
 * A day's app-to-app proximity, tick by tick. The day planner visits places one after another, not in time order,
 * so the pairs are collected here first and the phones replay them in time order afterwards (neither engines nor
 * the server may see time go backwards).
 */
public final class ProximityBuffer implements DayContext.ProximityListener {
    private final IntList[] a = new IntList[Ticks.PER_DAY];
    private final IntList[] b = new IntList[Ticks.PER_DAY];
    private final float[][] metres = new float[Ticks.PER_DAY][];

    public ProximityBuffer() {
        for (int t = 0; t < Ticks.PER_DAY; t++) {
            a[t] = new IntList();
            b[t] = new IntList();
            metres[t] = new float[16];
        }
    }

    public void clear() {
        for (int t = 0; t < Ticks.PER_DAY; t++) {
            a[t].clear();
            b[t].clear();
        }
    }

    @Override
    public void proximity(int pa, int pb, int firstTick, int tickBits, float d) {
        int bits = tickBits;
        while (bits != 0) {
            int k = Integer.numberOfTrailingZeros(bits);
            bits &= bits - 1;
            int t = firstTick + k;
            if (t < 0 || t >= Ticks.PER_DAY) {
                continue;
            }
            int i = a[t].size();
            if (i == metres[t].length) {
                metres[t] = Arrays.copyOf(metres[t], i * 2);
            }
            a[t].add(pa);
            b[t].add(pb);
            metres[t][i] = d;
        }
    }

    public int size(int tick) {
        return a[tick].size();
    }

    public int a(int tick, int i) {
        return a[tick].get(i);
    }

    public int b(int tick, int i) {
        return b[tick].get(i);
    }

    public float metres(int tick, int i) {
        return metres[tick][i];
    }
}
