package vn.bluezone.simulator.day;

import vn.bluezone.simulator.util.IntList;

/**
 * A bounded sample of contact segments for {@code contacts-sample.csv}: (kind, place, a, b, first tick, tick bits,
 * near bits, distance). Pairs are sampled by hashing their key, so a sampled pair is sampled in every place.
 */
public final class EpisodeSample {
    private final int limit;
    public final IntList kind = new IntList();
    public final IntList place = new IntList();
    public final IntList a = new IntList();
    public final IntList b = new IntList();
    public final IntList tick = new IntList();
    public final IntList bits = new IntList();
    public final IntList nearBits = new IntList();
    public final IntList distanceCm = new IntList();

    public EpisodeSample(int limit) {
        this.limit = limit;
    }

    public boolean full() {
        return kind.size() >= limit;
    }

    public void add(int k, int p, int pa, int pb, int t, int bitsV, int near, float d) {
        kind.add(k);
        place.add(p);
        a.add(pa);
        b.add(pb);
        tick.add(t);
        bits.add(bitsV);
        nearBits.add(near);
        distanceCm.add(Math.round(d * 100));
    }

    public int size() {
        return kind.size();
    }
}
