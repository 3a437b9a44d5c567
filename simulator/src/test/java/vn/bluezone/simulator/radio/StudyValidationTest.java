package vn.bluezone.simulator.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.bluezone.device.sim.Environment;
import vn.bluezone.protocol.risk.evaluation.DetectionRule;
import vn.bluezone.protocol.risk.evaluation.FieldExposure;
import vn.bluezone.protocol.risk.evaluation.RuleEvaluation;
import vn.bluezone.protocol.risk.evaluation.Wilson;

/**
 * Validation: the simulator, set to each Dublin study's setting (its exposures' distances and durations, the
 * vehicle environment fitted on the bus only, one phone model, scans every 3 minutes), gives the published rules
 * the TPR/FPR the study measured, within the study's 95 % Wilson intervals. The tram is out-of-sample; the bus is
 * the fit set, so its check is in-sample only.
 */
class StudyValidationTest {
    static final int REPLICATIONS = 200;
    static final int SCAN_SECONDS = 180;

    private static String row(String study, DetectionRule rule, RuleEvaluation.RuleResult measured,
                              StudyReplay.Expected sim) {
        return String.format(Locale.ROOT, "%s %s: measured TPR %d/%d (%.2f-%.2f) FPR %d/%d (%.2f-%.2f); "
                        + "simulated TPR %.3f FPR %.3f", study, rule.name(), measured.tpr().successes(),
                measured.tpr().trials(), measured.tpr().low(), measured.tpr().high(), measured.fpr().successes(),
                measured.fpr().trials(), measured.fpr().low(), measured.fpr().high(), sim.tpr(), sim.fpr());
    }

    /** Newcombe's hybrid score interval for a difference of two independent proportions (Stat Med 1998, method 10). */
    static double[] youdenInterval(Wilson tpr, Wilson fpr) {
        double j = tpr.estimate() - fpr.estimate();
        double lo = j - Math.sqrt(Math.pow(tpr.estimate() - tpr.low(), 2) + Math.pow(fpr.high() - fpr.estimate(), 2));
        double hi = j + Math.sqrt(Math.pow(tpr.high() - tpr.estimate(), 2) + Math.pow(fpr.estimate() - fpr.low(), 2));
        return new double[] {lo, hi};
    }

    @Test
    void tramOutOfSampleSwissAndGermanFireAsRarelyAsMeasuredAndItalianIsNoBetterThanChance() {
        List<FieldExposure> tram = StudyData.read(StudyData.TRAM);
        List<List<FieldExposure>> sims = StudyReplay.replicate(tram, Environment.TRAM, REPLICATIONS, SCAN_SECONDS, 12);
        for (DetectionRule rule : List.of(DetectionRule.swiss(), DetectionRule.german())) {
            RuleEvaluation.RuleResult m = RuleEvaluation.apply(rule, tram, 2.0);
            StudyReplay.Expected s = StudyReplay.expected(sims, rule, 2.0);
            System.out.println(row("tram", rule, m, s));
            assertEquals(0, m.tpr().successes(), "published: the Swiss and German rules trigger nothing");
            assertTrue(m.tpr().contains(s.tpr()) && m.fpr().contains(s.fpr()), row("tram", rule, m, s));
        }
        DetectionRule italian = DetectionRule.italian();
        RuleEvaluation.RuleResult m = RuleEvaluation.apply(italian, tram, 2.0);
        StudyReplay.Expected s = StudyReplay.expected(sims, italian, 2.0);
        System.out.println(row("tram", italian, m, s));
        double[] j = youdenInterval(m.tpr(), m.fpr());
        double simJ = s.tpr() - s.fpr();
        System.out.printf(Locale.ROOT, "tram italian: measured J %.2f (%.2f..%.2f), simulated J %.3f%n",
                m.youden(), j[0], j[1], simJ);
        assertTrue(simJ >= j[0] && simJ <= j[1], "Italian rule's J within the study's interval");
    }

    @Test
    void busInSampleTheFittedVehicleGivesTheMeasuredRates() {
        List<FieldExposure> bus = StudyData.read(StudyData.BUS);
        List<List<FieldExposure>> sims = StudyReplay.replicate(bus, Environment.BUS, REPLICATIONS, SCAN_SECONDS, 11);
        for (DetectionRule rule : List.of(DetectionRule.swiss(), DetectionRule.german(), DetectionRule.italian())) {
            for (double cut : new double[] {1.5, 2.0}) {
                RuleEvaluation.RuleResult m = RuleEvaluation.apply(rule, bus, cut);
                StudyReplay.Expected s = StudyReplay.expected(sims, rule, cut);
                System.out.println(row("bus <= " + cut + " m", rule, m, s));
                assertTrue(m.tpr().contains(s.tpr()), row("bus", rule, m, s));
                if (m.fpr().trials() > 0) {
                    assertTrue(m.fpr().contains(s.fpr()), row("bus", rule, m, s));
                }
            }
        }
    }
}
