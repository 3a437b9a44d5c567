package vn.bluezone.simulator.tracing;

import vn.bluezone.simulator.util.IntList;

/**
 * The last 14 days of pair contacts among app users, one compressed adjacency (CSR) per day in a ring: older days
 * are overwritten, as the phone purges sightings after 14 days, so memory stays bounded however long the run.
 * A log may keep a number of minutes per pair-day (the phones' "near" minutes, which the warning scores weigh).
 */
public final class ContactLog {
    public static final int DAYS = 14;
    private final int people;
    private final int[][] offsets = new int[DAYS][];
    private final int[][] partners = new int[DAYS][];
    /** Minutes per entry, parallel to {@link #partners}; null for a day stored without them. */
    private final short[][] minutes = new short[DAYS][];
    private final int[] dayOf = new int[DAYS];
    private final boolean[] hasMinutes = new boolean[DAYS];
    private long pairs;

    public ContactLog(int people) {
        this.people = people;
        java.util.Arrays.fill(dayOf, -1);
    }

    /** Stores the day's pairs (a[i], b[i]) in both directions. */
    public void store(int day, IntList a, IntList b) {
        store(day, a, b, null);
    }

    /** Stores the day's pairs (a[i], b[i]) in both directions, with minutes m[i] (0..1440) when m is not null. */
    public void store(int day, IntList a, IntList b, IntList m) {
        int slot = day % DAYS;
        int[] off = offsets[slot];
        if (off == null) {
            off = new int[people + 1];
            offsets[slot] = off;
        } else {
            java.util.Arrays.fill(off, 0);
        }
        int n = a.size();
        for (int i = 0; i < n; i++) {
            off[a.get(i) + 1]++;
            off[b.get(i) + 1]++;
        }
        for (int i = 0; i < people; i++) {
            off[i + 1] += off[i];
        }
        int[] part = partners[slot];
        if (part == null || part.length < 2 * n) {
            part = new int[Math.max(16, 2 * n + n / 4)];
            partners[slot] = part;
        }
        short[] mins = null;
        if (m != null) {
            mins = minutes[slot];
            if (mins == null || mins.length < part.length) {
                mins = new short[part.length];
                minutes[slot] = mins;
            }
        }
        int[] fill = new int[people];
        for (int i = 0; i < n; i++) {
            int x = a.get(i);
            int y = b.get(i);
            int kx = off[x] + fill[x]++;
            int ky = off[y] + fill[y]++;
            part[kx] = y;
            part[ky] = x;
            if (mins != null) {
                short v = (short) Math.min(Math.max(m.get(i), 0), 1440);
                mins[kx] = v;
                mins[ky] = v;
            }
        }
        hasMinutes[slot] = m != null;
        dayOf[slot] = day;
        pairs += n;
    }

    public boolean has(int day) {
        return day >= 0 && dayOf[day % DAYS] == day;
    }

    public int from(int day, int person) {
        return offsets[day % DAYS][person];
    }

    public int to(int day, int person) {
        return offsets[day % DAYS][person + 1];
    }

    public int partner(int day, int k) {
        return partners[day % DAYS][k];
    }

    /** The minutes stored with entry k of that day; fails for a day stored without minutes. */
    public int minutes(int day, int k) {
        int slot = day % DAYS;
        if (!hasMinutes[slot]) {
            throw new IllegalStateException("day " + day + " was stored without minutes");
        }
        return minutes[slot][k];
    }

    public long pairsStored() {
        return pairs;
    }
}
