package vn.bluezone.simulator.util;

import java.util.Arrays;

/** Binary min-heap of longs: the event queue, with events packed as (time, type, payload) keys. */
public final class LongHeap {
    private long[] heap = new long[64];
    private int size;

    public void add(long v) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (heap[p] <= v) {
                break;
            }
            heap[i] = heap[p];
            i = p;
        }
        heap[i] = v;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public long peek() {
        return heap[0];
    }

    public long poll() {
        long top = heap[0];
        long last = heap[--size];
        int i = 0;
        while (true) {
            int c = 2 * i + 1;
            if (c >= size) {
                break;
            }
            if (c + 1 < size && heap[c + 1] < heap[c]) {
                c++;
            }
            if (heap[c] >= last) {
                break;
            }
            heap[i] = heap[c];
            i = c;
        }
        heap[i] = last;
        return top;
    }

    public int size() {
        return size;
    }
}
