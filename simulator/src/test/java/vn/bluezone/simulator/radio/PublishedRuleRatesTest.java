package vn.bluezone.simulator.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bluezone.device.sim.Environment;
import vn.bluezone.protocol.risk.evaluation.AttenuationHistogram;
import vn.bluezone.protocol.risk.evaluation.DetectionRule;
import vn.bluezone.protocol.risk.evaluation.FieldExposure;
import vn.bluezone.protocol.risk.evaluation.RuleEvaluation;
import vn.bluezone.protocol.risk.evaluation.Wilson;

/**
 * The rule rates as the Dublin papers print them (not as our transcription of their data gives them, which
 * {@link StudyValidationTest} uses): the transcription must reproduce each printed figure, and the simulator in the
 * study's setting (the pooled vehicle; the bus in-sample at its own random-effect level) is compared with the printed
 * figure's 95 % Wilson interval. Sources (abstracts):
 * <ul>
 *   <li>bus (the vehicles' fit set, so in-sample): D. J. Leith, S. Farrell, PLoS ONE 16(4) e0250826 (2021), first
 *   as TCD SCSS tech. report, 15 June 2020: the Swiss rule would have triggered no exposure notification although all
 *   60 pairs were within 2 m for at least 15 min; "an alternative threshold-based rule" detects 5 % at a 15-minute
 *   duration threshold, 8 % at 10 min (its attenuation threshold is not in the text we hold);</li>
 *   <li>tram (validation set, never fitted): PLoS ONE 15(9) e0239943 (2020): the Swiss and German rules trigger no
 *   notification; the Italian rule has a true positive rate of 50 % and a false positive rate of 50 %.</li>
 * </ul>
 */
class PublishedRuleRatesTest {
    private static final int REPLICATIONS = StudyValidationTest.REPLICATIONS;
    private static final int SCAN_SECONDS = StudyValidationTest.SCAN_SECONDS;

    @Test
    void busSwissRuleTriggersNothingAsPrinted() {
        List<FieldExposure> bus = StudyData.read(StudyData.BUS);
        RuleEvaluation.RuleResult m = RuleEvaluation.apply(DetectionRule.swiss(), bus, 2.0);
        assertEquals(60, m.tpr().trials(), "printed: 60 pairs, all within 2 m");
        assertEquals(0, m.tpr().successes(), "printed: no notification");
        Wilson printed = Wilson.of(0, 60);
        StudyReplay.Expected s = StudyReplay.expected(
                StudyReplay.replicate(bus, Environment.BUS, VehicleLevelPool.pool().ownOffsetDb("Dublin bus"),
                        REPLICATIONS, SCAN_SECONDS, 11), DetectionRule.swiss(), 2.0);
        assertTrue(printed.contains(s.tpr()), "simulated Swiss TPR " + s.tpr() + " outside 0/60's " + printed);
    }

    /**
     * The bus paper's "alternative threshold-based rule" (5 % at 15 min, 8 % at 10 min) is not tested: its attenuation
     * threshold is not in the text we hold, and no single "at most T dB" threshold on the transcribed data gives both
     * printed rates (70 dB gives 3/60 at 15 min but 7/60 at 10 min; 68 dB gives 5/60 at 10 min but 2/60 at 15 min). This
     * test keeps that finding true; a threshold that fits both would make the rule testable.
     */
    @Test
    void busAlternativeRuleIsNotAPlainThresholdOnTheTranscription() {
        List<FieldExposure> bus = StudyData.read(StudyData.BUS);
        int matches = 0;
        for (double t = 48; t <= 100; t += 1) {
            int at15 = count(bus, t, 15);
            int at10 = count(bus, t, 10);
            if (Math.round(100.0 * at15 / 60) == 5 && Math.round(100.0 * at10 / 60) == 8) {
                matches++;
            }
        }
        assertEquals(0, matches, "a threshold gives both printed rates: the rule can now be tested");
        assertEquals(3, count(bus, 70, 15));
        assertEquals(7, count(bus, 70, 10));
        assertEquals(2, count(bus, 68, 15));
        assertEquals(5, count(bus, 68, 10));
    }

    private static int count(List<FieldExposure> data, double thresholdDb, double minutes) {
        int n = 0;
        for (FieldExposure e : data) {
            AttenuationHistogram h = e.histogram();
            n += h.secondsAtOrBelow(thresholdDb) + 1e-6 >= minutes * 60 ? 1 : 0;
        }
        return n;
    }

    @Test
    void tramAsPrinted() {
        List<FieldExposure> tram = StudyData.read(StudyData.TRAM);
        List<List<FieldExposure>> sims = StudyReplay.replicate(tram, Environment.TRAM, REPLICATIONS, SCAN_SECONDS, 12);
        for (DetectionRule rule : List.of(DetectionRule.swiss(), DetectionRule.german())) {
            RuleEvaluation.RuleResult m = RuleEvaluation.apply(rule, tram, 2.0);
            assertEquals(0, m.tpr().successes() + m.fpr().successes(), rule.name() + ": printed, no notification");
            StudyReplay.Expected s = StudyReplay.expected(sims, rule, 2.0);
            assertTrue(m.tpr().contains(s.tpr()) && m.fpr().contains(s.fpr()), rule.name() + " simulated " + s);
        }
        DetectionRule italian = DetectionRule.italian();
        RuleEvaluation.RuleResult m = RuleEvaluation.apply(italian, tram, 2.0);
        // The printed 50 % / 50 % is inside our transcription's intervals (16/34, 18/38: the 73 dB threshold falls
        // inside the 72-74 dB bucket, counted half), so the transcription agrees with the paper.
        assertTrue(m.tpr().contains(0.50) && m.fpr().contains(0.50), "transcription " + m);
        // At the pooled vehicle level (docs/radio.md, "The vehicle level pooled over vehicles") the simulated FPR lies
        // inside the printed rate's interval, the TPR (0.668) just above it (0.34-0.66). A finding, kept true here.
        Wilson printedTpr = Wilson.of(17, 34);
        Wilson printedFpr = Wilson.of(19, 38);
        StudyReplay.Expected s = StudyReplay.expected(sims, italian, 2.0);
        assertTrue(printedFpr.contains(s.fpr()), "simulated Italian FPR " + s.fpr() + " outside " + printedFpr);
        assertTrue(s.tpr() > printedTpr.high() && s.tpr() < printedTpr.high() + 0.02,
                "simulated Italian TPR " + s.tpr() + " not just above " + printedTpr);
    }
}
