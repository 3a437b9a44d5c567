package vn.bluezone.simulator.venue;

import vn.bluezone.simulator.day.DayContext;
import vn.bluezone.simulator.day.PlaceKind;
import vn.bluezone.simulator.day.Ticks;
import vn.bluezone.simulator.day.VenueListener;
import vn.bluezone.simulator.disease.Epidemic;
import vn.bluezone.simulator.util.Rand;

/**
 * What happens at a market, eatery or the one-stop desk beyond the pairs: check-ins are recorded, and each
 * susceptible visitor draws one infection from the place's shared air over all infectious visitors it overlapped
 * (hazards add up; the infector is drawn in proportion to its share). Draws are hashes of (seed, day, place,
 * person), so they do not depend on the order of anything.
 */
public final class VenueDay implements VenueListener {
    /** Offered each shared-air infection (person, minute, infector). */
    public interface Infections {
        void offer(int person, int minute, int from);
    }

    private static final long AIR = 0x41697252L;

    private final DayContext ctx;
    private final Epidemic epi;
    private final SharedAir air;
    private final CheckinLog checkins;
    private final Infections infections;
    private final double peak;
    private int[] infectious = new int[16];
    private double[] emission = new double[16];

    /** @param checkins null when nobody checks in */
    public VenueDay(DayContext ctx, Epidemic epi, SharedAir air, CheckinLog checkins, Infections infections) {
        this.ctx = ctx;
        this.epi = epi;
        this.air = air;
        this.checkins = checkins;
        this.infections = infections;
        double max = 0;
        for (double tau = 0.01; tau < epi.parameters().infectiousnessEndDays(); tau += 0.01) {
            max = Math.max(max, epi.parameters().infectiousness(tau));
        }
        this.peak = max;
    }

    @Override
    public void venue(int day, PlaceKind kind, int venue, int[] persons, int[] fromTick, int[] toTick, int m) {
        if (checkins != null) {
            checkins.record(day, kind, venue, persons, fromTick, toTick, m);
        }
        if (!air.enabled()) {
            return;
        }
        int n = 0;
        for (int k = 0; k < m; k++) {
            if ((ctx.flags[persons[k]] & DayContext.INFECTIOUS) != 0) {
                if (n == infectious.length) {
                    infectious = java.util.Arrays.copyOf(infectious, 2 * n);
                    emission = java.util.Arrays.copyOf(emission, 2 * n);
                }
                infectious[n] = k;
                emission[n] = epi.infectiousnessOnDay(persons[k], day) / peak;
                n++;
            }
        }
        if (n == 0) {
            return;
        }
        double[] dose = new double[n];
        for (int s = 0; s < m; s++) {
            int p = persons[s];
            if ((ctx.flags[p] & DayContext.SUSCEPTIBLE) == 0) {
                continue;
            }
            double total = 0;
            for (int i = 0; i < n; i++) {
                int k = infectious[i];
                int overlap = Math.min(toTick[s], toTick[k]) - Math.max(fromTick[s], fromTick[k]);
                dose[i] = overlap <= 0 ? 0 : air.dose(kind, emission[i], overlap * Ticks.MINUTES);
                total += dose[i];
            }
            long h = Rand.hash(ctx.seed ^ AIR, day, kind.ordinal() << 24 | venue, p);
            if (total <= 0 || Rand.uniform(h) >= SharedAir.probability(total)) {
                continue;
            }
            double pick = Rand.uniform(Rand.mix(h)) * total;
            int chosen = -1;
            for (int i = 0; i < n && (chosen < 0 || pick >= 0); i++) {
                if (dose[i] > 0) {
                    chosen = i;
                    pick -= dose[i];
                }
            }
            int k = infectious[chosen];
            int mid = (Math.max(fromTick[s], fromTick[k]) + Math.min(toTick[s], toTick[k])) / 2;
            infections.offer(p, day * 1440 + mid * Ticks.MINUTES, persons[k]);
        }
    }
}
