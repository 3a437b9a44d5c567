package vn.bluezone.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.bluezone.simulator.WarningTimeliness.Kind;
import vn.bluezone.simulator.disease.DiseaseParameters;
import vn.bluezone.simulator.disease.Epidemic;

class WarningTimelinessTest {
    private static final DiseaseParameters D = DiseaseParameters.load();
    private static final int DAY = 1440;

    /** The share ahead is what the curve's density integrates to from the warning on (not a second formula). */
    @Test
    void theShareAheadIsTheIntegralOfTheInfectiousnessCurve() {
        for (double tau : new double[] {0.5, 2, 4, 5, 7, 10}) {
            double sum = 0;
            double step = 0.001;
            for (double t = tau + step / 2; t < 60; t += step) {
                sum += D.infectiousness(t) * step;
            }
            assertEquals(sum, D.infectiousnessAhead(tau), 1e-4, "tau " + tau);
        }
        assertEquals(1.0, D.infectiousnessAhead(0), 0);
    }

    @Test
    void inTimeBeforeTheMedianGenerationTimeLateAfterFalseWhenNotInfected() {
        double median = D.weibullScale() * Math.pow(Math.log(2), 1 / D.weibullShape());
        int infected = 3 * DAY;
        int medianMinute = infected + (int) Math.round(median * DAY);
        assertEquals(Kind.IN_TIME, WarningTimeliness.classify(infected, infected, D), "warned at infection");
        assertEquals(Kind.IN_TIME, WarningTimeliness.classify(infected, medianMinute - 30, D));
        assertEquals(Kind.LATE, WarningTimeliness.classify(infected, medianMinute + 30, D));
        assertEquals(Kind.LATE, WarningTimeliness.classify(infected, infected + 20 * DAY, D));
        assertEquals(Kind.FALSE, WarningTimeliness.classify(infected, infected - 1, D), "infected after the warning");
        assertEquals(Kind.FALSE, WarningTimeliness.classify(Epidemic.NEVER, infected, D), "never infected");
        assertEquals(0, WarningTimeliness.shareAhead(infected, infected - 1, D));
        assertEquals(0.5, WarningTimeliness.shareAhead(infected, infected + (int) Math.round(median * DAY), D), 1e-3);
    }

    /** In a run the three kinds add up to the run's own F1 warnings, and each kind occurs. */
    @Test
    void aRunsTimelinessCountsAddUpToItsF1Warnings() {
        SimulationConfig c = Scenarios.small(3000, 40, 2);
        c.adoption = 0.8;
        RunResult r = new Simulation(c).run("timeliness", ProgressListener.NONE);
        assertTrue(r.warnedF1 > 0);
        assertEquals(r.warnedF1, r.warnedF1InTime + r.warnedF1Late + r.warnedF1False);
        assertEquals(r.warnedF1, java.util.Arrays.stream(r.dailyWarnedF1).sum(), "every warning within the run");
        assertTrue(r.warnedF1InTime > 0 && r.warnedF1False > 0, r.warnedF1InTime + " / " + r.warnedF1False);
        // In time: at least half ahead each; late: below half each.
        assertTrue(r.warnedF1InfectiousnessAhead >= 0.5 * r.warnedF1InTime);
        assertTrue(r.warnedF1InfectiousnessAhead <= r.warnedF1InTime + 0.5 * r.warnedF1Late);
        assertEquals(r.warnedF1InTime / (double) r.warnedF1False, r.inTimePerFalseWarning(), 1e-12);
    }
}
