package vn.bluezone.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import vn.bluezone.simulator.util.Stats;

class SweepTest {
    @Test
    void zeroIsAlwaysTheBaselineAndLevelsAreSorted() {
        assertArrayEquals(new double[] {0, 0.2, 0.4}, Sweep.withZero(new double[] {0.4, 0.2}));
        assertArrayEquals(new double[] {0, 0.4}, Sweep.withZero(new double[] {0.4, 0, 0.4}));
    }

    @Test
    void statistics() {
        double[] v = {1, 2, 3, 4};
        assertEquals(2.5, Stats.quantile(v, 0.5), 1e-12);
        assertEquals(3.7, Stats.quantile(v, 0.9), 1e-12);
        assertEquals(2.5, Stats.mean(v), 1e-12);
        // t(0.975, 3) = 3.182; sd = 1.2910
        assertEquals(3.182 * 1.2909944 / 2, Stats.ci95HalfWidth(v), 1e-4);
    }

    @Test
    void marginalEffectIsTheSlopeBetweenTheLevelsAroundTheUptakeNotALineThroughZero() {
        // Two seeds; uptake 0, 20 %, 40 %; 1000 infections without the app, 800 at 20 %, 700 at 40 % (seed 1) and
        // 1000, 900, 700 (seed 2). Near 28 %: (800 - 700) / 1000 / 20 points = 0.5 % per point; seed 2: 1.0 %.
        Sweep s = Sweep.of(new double[] {0, 0.2, 0.4}, new double[][] {{0, 0}, {0.2, 0.2}, {0.4, 0.4}},
                new int[][] {{1000, 1000}, {800, 900}, {700, 700}});
        assertArrayEquals(new int[] {1, 2}, s.bracket(0.28));
        assertArrayEquals(new double[] {0.5, 1.0}, s.marginalPercentPerPoint(0.28), 1e-12);
        // The line through zero would give (20 x 20 + 30 x 40) / (20^2 + 40^2) = 0.8 for seed 1: a different figure.
        assertEquals(0.8, s.slopePercentPerPoint()[0], 1e-12);
        org.junit.jupiter.api.Assertions.assertNull(s.marginalPercentPerPoint(0.5), "beyond the last level");
    }
}
