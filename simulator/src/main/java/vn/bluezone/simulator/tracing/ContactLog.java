package vn.bluezone.simulator.tracing;

import vn.bluezone.simulator.util.IntList;

/**
 * The last 14 days of pair contacts among app users, one compressed adjacency (CSR) per day in a ring: older days
 * are overwritten, as the phone purges sightings after 14 days, so memory stays bounded however long the run.
 */
public final class ContactLog {
    public static final int DAYS = 14;
    private final int people;
    private final int[][] offsets = new int[DAYS][];
    private final int[][] partners = new int[DAYS][];
    private final int[] dayOf = new int[DAYS];
    private long pairs;

    public ContactLog(int people) {
        this.people = people;
        java.util.Arrays.fill(dayOf, -1);
    }

    /** Stores the day's pairs (a[i], b[i]) in both directions. */
    public void store(int day, IntList a, IntList b) {
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
        int[] fill = new int[people];
        for (int i = 0; i < n; i++) {
            int x = a.get(i);
            int y = b.get(i);
            part[off[x] + fill[x]++] = y;
            part[off[y] + fill[y]++] = x;
        }
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

    public long pairsStored() {
        return pairs;
    }
}
