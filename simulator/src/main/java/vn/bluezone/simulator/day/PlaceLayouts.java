package vn.bluezone.simulator.day;

import vn.bluezone.simulator.population.Population;
import vn.bluezone.simulator.util.Rand;

/**
 * Where people stand in each kind of place, scan by scan (homes, desks, market, eateries, the one-stop desk,
 * two people meeting): the {@link Positions} the {@link DayPlanner} hands to the {@link GatheringProcessor}.
 * Every position is a hash of (seed, day, person, place, scan), so it does not depend on what else was drawn.
 */
final class PlaceLayouts {
    private static final long POS = 0x506F7321L;
    private static final int NIGHT_FROM = Ticks.at(22, 0);
    private static final int NIGHT_TO = Ticks.at(6, 0);

    private final Population pop;
    private final long seed;

    PlaceLayouts(Population pop, long seed) {
        this.pop = pop;
        this.seed = seed;
    }

    private float coord(int day, long a, long b, int seg, int axis, float side) {
        return (float) (Rand.uniform(Rand.hash(seed ^ POS, day, a * 31 + b, seg * 2L + axis)) * side);
    }

    /** Home: random spots by day (re-drawn every 30 minutes); at night, sleeping spots 1.5 m apart. */
    final class HomePositions implements Positions {
        private final int day;
        private final int hh;

        HomePositions(int day, int hh) {
            this.day = day;
            this.hh = hh;
        }

        @Override
        public void place(int seg, int[] members, int[] present, int count, float[] x, float[] y) {
            float side = pop.homeSide[hh];
            boolean night = seg >= NIGHT_FROM || seg < NIGHT_TO;
            for (int i = 0; i < count; i++) {
                int p = members[present[i]];
                int k = p - pop.householdStart[hh];
                if (night) {
                    x[i] = 0.5f + (k % 2) * 1.5f;
                    y[i] = 0.5f + (k / 2) * 1.5f;
                } else {
                    x[i] = coord(day, p, 0, seg, 0, side);
                    y[i] = coord(day, p, 0, seg, 1, side);
                }
            }
        }
    }

    /** Class or workplace: desks in ring order; now and then a visit to a rewired (far) partner's desk. */
    final class DeskPositions implements Positions {
        private final int day;
        private final int g;
        private final int cols;
        private final float sx;
        private final float sy;

        DeskPositions(int day, int g, int size, boolean school) {
            this.day = day;
            this.g = g;
            this.cols = (int) Math.ceil(Math.sqrt(size));
            this.sx = school ? 1.2f : 2.0f;
            this.sy = school ? 1.5f : 2.0f;
        }

        private float deskX(int slot) {
            return (slot % cols) * sx;
        }

        private float deskY(int slot) {
            return (slot / cols) * sy;
        }

        @Override
        public void place(int seg, int[] members, int[] present, int count, float[] x, float[] y) {
            for (int i = 0; i < count; i++) {
                int p = members[present[i]];
                long hp = Rand.hash(seed ^ POS, day, p, seg);
                int slot = pop.slot[p];
                int fars = pop.farStart[p + 1] - pop.farStart[p];
                if (fars > 0 && Rand.uniform(hp) < 0.15) {
                    int q = pop.farPartner[pop.farStart[p] + Rand.below(Rand.mix(hp), fars)];
                    if (pop.group[q] == g) {
                        slot = pop.slot[q];
                        x[i] = deskX(slot) + 0.8f;
                        y[i] = deskY(slot);
                        continue;
                    }
                }
                x[i] = deskX(slot) + 0.15f * (float) Rand.gaussian(Rand.mix(hp + 1));
                y[i] = deskY(slot) + 0.15f * (float) Rand.gaussian(Rand.mix(hp + 2));
            }
        }
    }

    /** Market: shoppers stroll between stalls of a 40 m × 40 m market, a new spot every scan. */
    final class MarketPositions implements Positions {
        private final int day;
        private final int venue;

        MarketPositions(int day, int venue) {
            this.day = day;
            this.venue = venue;
        }

        @Override
        public void place(int seg, int[] members, int[] present, int count, float[] x, float[] y) {
            for (int i = 0; i < count; i++) {
                int p = members[present[i]];
                x[i] = coord(day, p, 1000L + venue, seg, 0, 40f);
                y[i] = coord(day, p, 1000L + venue, seg, 1, 40f);
            }
        }
    }

    /** Eatery: eight tables 3 m apart, four seats 0.6 m from each table's centre; seated for the whole visit. */
    final class EateryPositions implements Positions {
        private final int day;
        private final int venue;
        private final int[] from;

        EateryPositions(int day, int venue, int[] from) {
            this.day = day;
            this.venue = venue;
            this.from = from;
        }

        @Override
        public void place(int seg, int[] members, int[] present, int count, float[] x, float[] y) {
            for (int i = 0; i < count; i++) {
                int p = members[present[i]];
                long hp = Rand.hash(seed ^ POS, day, p * 131L + venue, from[present[i]]);
                int table = Rand.below(hp, 8);
                int seat = Rand.below(Rand.mix(hp), 4);
                x[i] = (table % 4) * 3f + (seat == 0 ? -0.6f : seat == 1 ? 0.6f : 0);
                y[i] = (table / 4) * 3f + (seat == 2 ? -0.6f : seat == 3 ? 0.6f : 0);
            }
        }
    }

    /** One-stop desk: 20 waiting chairs (0.9 m × 1.2 m); the queue reshuffles every 10 minutes. */
    final class DeskQueuePositions implements Positions {
        private final int day;
        private final int venue;

        DeskQueuePositions(int day, int venue) {
            this.day = day;
            this.venue = venue;
        }

        @Override
        public void place(int seg, int[] members, int[] present, int count, float[] x, float[] y) {
            for (int i = 0; i < count; i++) {
                int p = members[present[i]];
                int chair = Rand.below(Rand.hash(seed ^ POS, day, p * 7L + venue, seg), 20);
                x[i] = (chair % 5) * 0.9f;
                y[i] = (chair / 5) * 1.2f;
            }
        }
    }

    /** Two people talking: distance starts at 0.5–2.5 m and drifts by a random walk (σ 0.3 m per scan). */
    final class MeetingPositions implements Positions {
        private final long h;
        private final int from;
        private float d;
        private int at;

        MeetingPositions(int day, int id, int from) {
            this.h = Rand.hash(seed ^ POS, day, 0x4D656574L, id);
            this.from = from;
            this.d = 0.5f + 2f * (float) Rand.uniform(h);
            this.at = from;
        }

        @Override
        public void place(int seg, int[] members, int[] present, int count, float[] x, float[] y) {
            while (at < seg) {
                at++;
                d = Math.max(0.3f, Math.min(6f, d + 0.3f * (float) Rand.gaussian(Rand.hash(h, at))));
            }
            x[0] = 0;
            y[0] = 0;
            x[1] = d;
            y[1] = 0;
        }
    }
}
