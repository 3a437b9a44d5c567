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
 * vehicle environment pooled over the vehicle data sets ({@link VehicleLevelPool}: Dublin bus, MBTA bus; never the
 * tram), one phone model, scans every 3 minutes), against the TPR/FPR the study measured and their 95 % Wilson
 * intervals. The tram is out of sample: at the pooled vehicle level (a), and as the prediction for an unseen vehicle,
 * its level drawn from the pool's predictive distribution (b). The bus is in the pool, so its check (c), at its own
 * random-effect level, is in-sample only. simulator/docs/radio.md, "The vehicle level pooled over vehicles".
 */
class StudyValidationTest {
    static final int REPLICATIONS = 200;
    static final int SCAN_SECONDS = 180;
    /** The prediction for an unseen vehicle: vehicles drawn, and replays of the study in each. */
    static final int VEHICLE_DRAWS = 200;
    static final int REPLICATIONS_PER_VEHICLE = 20;

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
    void tramOutOfSampleAtThePooledVehicleLevel() {
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
        // At the pooled level of the four vehicles (docs/radio.md) the Italian FPR (0.589) lies inside the transcription's
        // 18/38 (0.32-0.63), the TPR (0.668) above its 16/34 (0.31-0.63): the pooled vehicle is a few dB lower than the
        // tram. Both kept true here; the prediction for an unseen vehicle (next test) is the claim.
        assertTrue(m.fpr().contains(s.fpr()), row("tram", italian, m, s));
        assertTrue(s.tpr() > m.tpr().high(), "TPR above the interval: " + row("tram", italian, m, s));
        double[] j = youdenInterval(m.tpr(), m.fpr());
        double simJ = s.tpr() - s.fpr();
        System.out.printf(Locale.ROOT, "tram italian: measured J %.2f (%.2f..%.2f), simulated J %.3f%n",
                m.youden(), j[0], j[1], simJ);
        assertTrue(simJ >= j[0] && simJ <= j[1], "Italian rule's J within the study's interval");
    }

    /**
     * The honest claim for an unseen vehicle: its level is a draw from the pool's predictive distribution (SD
     * √(τ² + SE²) = 17.4 dB around the pooled mean), and the published rates lie inside the 2.5-97.5 % range of the
     * rates so predicted. That range is wide (from never firing to the Italian rule's ceiling on these durations): the
     * claim is consistency, not a sharp prediction.
     */
    @Test
    void tramOutOfSampleThePublishedRatesLieInsideThePredictionForAnUnseenVehicle() {
        List<FieldExposure> tram = StudyData.read(StudyData.TRAM);
        double sd = VehicleLevelPool.pool().level().predictiveSd();
        Wilson printedTpr = Wilson.of(17, 34);
        Wilson printedFpr = Wilson.of(19, 38);
        for (DetectionRule rule : List.of(DetectionRule.swiss(), DetectionRule.german(), DetectionRule.italian())) {
            StudyReplay.Prediction p = StudyReplay.overVehicles(tram, Environment.TRAM, sd, VEHICLE_DRAWS,
                    REPLICATIONS_PER_VEHICLE, SCAN_SECONDS, 13, rule, 2.0);
            RuleEvaluation.RuleResult m = RuleEvaluation.apply(rule, tram, 2.0);
            double tLo = p.tprQuantile(0.025);
            double tHi = p.tprQuantile(0.975);
            double fLo = p.fprQuantile(0.025);
            double fHi = p.fprQuantile(0.975);
            long inside = p.draws().stream().filter(d -> m.tpr().contains(d.expected().tpr())
                    && m.fpr().contains(d.expected().fpr())).count();
            System.out.printf(Locale.ROOT, "tram %s over %d vehicles (level SD %.1f dB): TPR %.3f-%.3f (median %.3f),"
                            + " FPR %.3f-%.3f (median %.3f); measured %.2f / %.2f; vehicles inside both measured"
                            + " intervals %d%n", rule.name(), VEHICLE_DRAWS, sd, tLo, tHi, p.tprQuantile(0.5), fLo, fHi,
                    p.fprQuantile(0.5), m.tpr().estimate(), m.fpr().estimate(), inside);
            double meanTpr = p.draws().stream().mapToDouble(d -> d.expected().tpr()).average().orElseThrow();
            double meanFpr = p.draws().stream().mapToDouble(d -> d.expected().fpr()).average().orElseThrow();
            System.out.printf(Locale.ROOT, "tram %s, mean over the drawn vehicles: TPR %.3f, FPR %.3f%n", rule.name(),
                    meanTpr, meanFpr);
            assertTrue(tLo <= m.tpr().estimate() && m.tpr().estimate() <= tHi, rule.name() + " measured TPR");
            assertTrue(fLo <= m.fpr().estimate() && m.fpr().estimate() <= fHi, rule.name() + " measured FPR");
            if (rule.name().equals("italian")) {
                assertTrue(tLo <= printedTpr.estimate() && printedTpr.estimate() <= tHi, "printed 50 % TPR");
                assertTrue(fLo <= printedFpr.estimate() && printedFpr.estimate() <= fHi, "printed 50 % FPR");
                // Wide: from (nearly) never firing to the rule's ceiling on these exposures' durations.
                assertTrue(tLo < 0.01 && fLo < 0.01 && tHi > 0.65 && fHi > 0.65, "range " + tLo + ".." + tHi);
            }
        }
    }

    @Test
    void busInSampleAtItsOwnRandomEffectLevelGivesTheMeasuredRates() {
        List<FieldExposure> bus = StudyData.read(StudyData.BUS);
        double own = VehicleLevelPool.pool().ownOffsetDb("Dublin bus");
        List<List<FieldExposure>> sims = StudyReplay.replicate(bus, Environment.BUS, own, REPLICATIONS, SCAN_SECONDS,
                11);
        for (DetectionRule rule : List.of(DetectionRule.swiss(), DetectionRule.german(), DetectionRule.italian())) {
            for (double cut : new double[] {1.5, 2.0}) {
                RuleEvaluation.RuleResult m = RuleEvaluation.apply(rule, bus, cut);
                StudyReplay.Expected s = StudyReplay.expected(sims, rule, cut);
                System.out.println(row("bus (own level, +" + Math.round(own * 10) / 10.0 + " dB) <= " + cut + " m",
                        rule, m, s));
                assertTrue(m.tpr().contains(s.tpr()), row("bus", rule, m, s));
                if (m.fpr().trials() > 0) {
                    assertTrue(m.fpr().contains(s.fpr()), row("bus", rule, m, s));
                }
            }
        }
    }
}
