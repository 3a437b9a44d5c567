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
}
