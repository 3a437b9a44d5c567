package vn.bluezone.server.statistics.map;

import java.util.List;

/**
 * The classes of the install-rate map (installs / population), with breaks at half the floor, the floor, twice and
 * four times it: with the default floor of 10%, under 5%, 5-10%, 10-20%, 20-40% and 40% or more. Tying the breaks to
 * the floor keeps the map's colours in step with the red "under the floor" rows of the ranking: the two classes
 * under the floor are the warm ones. A unit without a population is class {@link #NO_DATA}.
 */
public final class RateClasses {
    public static final int NO_DATA = -1;
    private static final double[] FACTORS = {0.5, 1, 2, 4};

    private final double[] breaks = new double[FACTORS.length];

    public RateClasses(double floor) {
        if (!(floor > 0 && floor <= 1)) {
            throw new IllegalArgumentException("floor must be in (0, 1]: " + floor);
        }
        for (int i = 0; i < FACTORS.length; i++) {
            breaks[i] = floor * FACTORS[i];
        }
    }

    /** 0 (lowest) … {@link #count()} - 1, or {@link #NO_DATA}; a rate on a break belongs to the class above it. */
    public int classOf(Double rate) {
        if (rate == null || rate.isNaN()) {
            return NO_DATA;
        }
        int c = 0;
        while (c < breaks.length && rate >= breaks[c]) {
            c++;
        }
        return c;
    }

    public int count() {
        return breaks.length + 1;
    }

    /** Lower bound of a class (null for the first), upper bound (null for the last). */
    public Double lower(int rateClass) {
        return rateClass == 0 ? null : breaks[rateClass - 1];
    }

    public Double upper(int rateClass) {
        return rateClass == breaks.length ? null : breaks[rateClass];
    }

    public List<Double> breaks() {
        return java.util.Arrays.stream(breaks).boxed().toList();
    }
}
