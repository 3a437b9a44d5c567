package vn.bluezone.simulator.util;

import java.util.Arrays;

/** Growable int array without boxing (the simulator keeps no per-contact objects). */
public final class IntList {
    private int[] data;
    private int size;

    public IntList() {
        this(16);
    }

    public IntList(int capacity) {
        data = new int[Math.max(4, capacity)];
    }

    public void add(int v) {
        if (size == data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        data[size++] = v;
    }

    public int get(int i) {
        return data[i];
    }

    public void set(int i, int v) {
        data[i] = v;
    }

    public int size() {
        return size;
    }

    public void clear() {
        size = 0;
    }

    public int[] raw() {
        return data;
    }

    public int[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
