package vn.bluezone.protocol.risk.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bluezone.protocol.risk.RiskConfiguration;

class RuleEvaluationTest {
    static final String HEADER = "pair_id,environment,distance_m,duration_s,att_lt_50,att_50_55,att_55_63,att_ge_63\n";

    static List<FieldExposure> read(String csv) throws IOException {
        return FieldDataCsv.read(new StringReader(csv));
    }

    @Test
    void wilsonMatchesPublishedValues() {
        // Newcombe (1998), Stat Med 17:857, table I: 81/263 -> 0.2553-0.3662; 0/10 -> 0-0.2775.
        Wilson w = Wilson.of(81, 263);
        assertEquals(0.2553, w.low(), 5e-4);
        assertEquals(0.3662, w.high(), 5e-4);
        Wilson z = Wilson.of(0, 10);
        assertEquals(0.0, z.low(), 1e-12);
        assertEquals(0.2775, z.high(), 5e-4);
        assertTrue(Double.isNaN(Wilson.of(0, 0).estimate()));
    }

    @Test
    void straddlingBucketsCountInProportionAndExactScansInclusively() {
        AttenuationHistogram h = new AttenuationHistogram(new double[] {54, 60}, new double[] {56, 60},
                new double[] {600, 300});
        assertEquals(300, h.secondsAtOrBelow(55), 1e-9);
        assertEquals(600, h.secondsAtOrBelow(59.9), 1e-9);
        assertEquals(900, h.secondsAtOrBelow(60), 1e-9);
        // German rule: 300 s at <=55 (weight 1) + 300 s in 55-63 (weight 0.5) + 300 s at 60 (0.5) = 600 s < 900.
        assertEquals(600, DetectionRule.german().score(h), 1e-9);
        assertFalse(DetectionRule.german().fires(h));
        assertTrue(DetectionRule.italian().fires(h));
    }

    @Test
    void ratesAucAndHeadlineOnAHandMadeFieldTest() throws IOException {
        String csv = HEADER
                + "a,room,1.0,1200,1200,0,0,0\n"     // close, strong: every rule fires
                + "b,room,1.8,1200,0,0,1200,0\n"     // within 2 m, 55-63 dB: Italian and Vietnam fire, German 600 s
                + "c,room,3.0,1200,0,0,0,1200\n"     // far, weak: nothing fires
                + "d,room,4.0,1200,0,0,1200,0\n";    // far but 55-63 dB: a false positive for Italian and Vietnam
        List<FieldExposure> data = read(csv);
        // The hand-computed scores below are the default's, the Ministry preset (58 dB, 15 min); the derived preset
        // (62 dB, 30 min) would fire on none of these 20-minute pairs.
        DetectionRule vn = DetectionRule.of(RiskConfiguration.vietnamDefault());
        assertFalse(DetectionRule.of(RiskConfiguration.derivedF1()).fires(data.get(0).histogram()));
        RuleEvaluation.Report r = RuleEvaluation.evaluate(data, vn,
                List.of(DetectionRule.swiss(), DetectionRule.german(), DetectionRule.italian()));
        RuleEvaluation.RuleResult h = r.headline();
        assertEquals(2.0, h.cutM());
        // Vietnam (<=58 dB weight 1, 58-66 weight 0): b has 1200 s in 55-63 -> 3/8 at <=58 = 450 s: no.
        assertEquals(1, h.tpr().successes());
        assertEquals(2, h.tpr().trials());
        assertEquals(0, h.fpr().successes());
        RuleEvaluation.RuleResult italian2m = r.results().stream()
                .filter(x -> x.rule().equals("italian") && x.cutM() == 2.0).findFirst().orElseThrow();
        assertEquals(2, italian2m.tpr().successes());
        assertEquals(1, italian2m.fpr().successes());
        // Scores 1200, 450, 0, 450: positives {1200, 450} vs negatives {0, 450}: (1 + 1 + 1 + 0.5) / 4.
        assertEquals(0.875, r.auc(), 1e-12);
        assertTrue(ReportFormat.text(r).strip().endsWith("rule TPR=0.50 FPR=0.00 J=0.50 AUC=0.88"),
                ReportFormat.text(r));
        assertEquals(4, r.cv().folds());
    }

    @Test
    void leaveOnePairOutNeverSeesTheHeldOutPair() throws IOException {
        // Two pairs; pair p1 is all positives, p2 all negatives. Holding out p1 leaves no positives -> never fire.
        String csv = HEADER + "p1,x,1.0,900,900,0,0,0\np1,x,1.5,900,900,0,0,0\np2,x,5.0,900,0,0,0,900\n";
        RuleEvaluation.Report r = RuleEvaluation.evaluate(read(csv), DetectionRule.italian(), List.of());
        assertEquals(2, r.cv().folds());
        assertEquals(0, r.cv().tpr().successes(), "trained without positives, the held-out pair is never warned");
        assertEquals(0, r.cv().fpr().successes());
        assertTrue(Double.isNaN(r.cv().medianThresholdMin()));
    }

    @Test
    void crossValidatedThresholdSeparatesCleanData() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 10; i++) {
            csv.append("near").append(i).append(",x,1.0,900,").append(600 + 30 * i).append(",0,0,0\n");
            csv.append("far").append(i).append(",x,4.0,900,").append(30 * i).append(",0,0,0\n");
        }
        RuleEvaluation.Report r = RuleEvaluation.evaluate(read(csv.toString()), DetectionRule.italian(), List.of());
        assertEquals(1.0, r.auc(), 1e-12);
        assertEquals(10, r.cv().tpr().successes());
        assertEquals(0, r.cv().fpr().successes());
        // The best range is between the highest far score (270 s) and the lowest near one (600 s).
        assertTrue(r.cv().minThresholdMin() >= 4.5 && r.cv().maxThresholdMin() <= 10, r.cv().toString());
    }

    @Test
    void rawScansBecomeExposures() throws IOException {
        String csv = "pair_id,distance_m,time_s,attenuation_db\n"
                + "a,1.0,0,50\na,1.0,60,52\na,1.0,120,70\nb,3.0,0,60\n";
        List<FieldExposure> data = read(csv);
        assertEquals(2, data.size());
        FieldExposure a = data.get(0);
        assertEquals(180, a.durationS(), 1e-9, "first scan stands for the median gap, 60 s");
        assertEquals(120, a.histogram().secondsAtOrBelow(52), 1e-9);
        assertEquals(300, data.get(1).durationS(), 1e-9, "a lone scan stands for 300 s");
        assertEquals(5, data.get(1).line());
    }

    @Test
    void badFilesNameTheLine() {
        String[][] cases = {
                {HEADER + "a,x,1.0,900,900,0,0\n", "line 2: expected 8 fields, found 7"},
                {HEADER + "a,x,abc,900,900,0,0,0\n", "line 2: distance_m must be a number"},
                {HEADER + "a,x,0,900,900,0,0,0\n", "line 2: distance_m must be above 0"},
                {HEADER + "a,x,1,900,-5,0,0,0\n", "line 2: att_lt_50 must be in 0.."},
                {HEADER + ",x,1,900,5,0,0,0\n", "line 2: pair_id must be 1..100 characters"},
                {"# comment\n" + HEADER + "a,x,1,900,5,0,0,0\na,x,1,9e99,5,0,0,0\n", "line 4: duration_s must be in"},
                {"pair_id,environment,distance_m,duration_s,att_lt_50,att_51_55\n", "line 1: bucket 'att_51_55' does not start"},
                {"pair_id,environment,distance_m,duration_s,att_far\n", "line 1: column 5 'att_far' is not"},
                {"pair,distance\n", "line 1: expected the header"},
                {"pair_id,distance_m,time_s,attenuation_db\na,1,60,50\na,1,60,51\n", "line 3: time_s 60 is not after"},
                {"pair_id,distance_m,time_s,attenuation_db\na,1,60,300\n", "line 2: attenuation_db must be in 0..255"},
                {HEADER, "no data rows"},
                {"", "the file is empty"}};
        for (String[] c : cases) {
            FieldDataException e = assertThrows(FieldDataException.class, () -> read(c[0]), c[1]);
            assertTrue(e.getMessage().startsWith(c[1]) || e.getMessage().contains(c[1]), c[1] + " -> " + e.getMessage());
        }
    }
}
