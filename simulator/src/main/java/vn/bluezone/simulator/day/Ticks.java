package vn.bluezone.simulator.day;

/**
 * Time grid of a simulated day: 5-minute ticks, the scan period of the device engine's default duty cycle
 * (a 4-second scan every 5 minutes), so one tick is one chance for a phone to hear another.
 */
public final class Ticks {
    public static final int MINUTES = 5;
    public static final int PER_DAY = 24 * 60 / MINUTES;
    public static final int WORDS = (PER_DAY + 63) / 64;

    private Ticks() {
    }

    public static int at(int hour, int minute) {
        return (hour * 60 + minute) / MINUTES;
    }

    /** Sets ticks [from, to) in a presence mask stored at {@code mask[off .. off+WORDS)}. */
    public static void set(long[] mask, int off, int from, int to) {
        from = Math.max(0, from);
        to = Math.min(PER_DAY, to);
        for (int t = from; t < to; t++) {
            mask[off + (t >>> 6)] |= 1L << (t & 63);
        }
    }

    public static void clear(long[] mask, int off, int from, int to) {
        from = Math.max(0, from);
        to = Math.min(PER_DAY, to);
        for (int t = from; t < to; t++) {
            mask[off + (t >>> 6)] &= ~(1L << (t & 63));
        }
    }

    /** The {@code len} (at most 32) bits of ticks [from, from+len) as an int, bit 0 = tick {@code from}. */
    public static int bits(long[] mask, int off, int from, int len) {
        int w = from >>> 6;
        int b = from & 63;
        long v = mask[off + w] >>> b;
        if (b + len > 64 && w + 1 < WORDS) {
            v |= mask[off + w + 1] << (64 - b);
        }
        return (int) (v & ((1L << len) - 1));
    }
}
