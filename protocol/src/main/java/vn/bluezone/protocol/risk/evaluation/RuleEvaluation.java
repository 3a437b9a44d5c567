package vn.bluezone.protocol.risk.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How detection rules do on field data: for each rule and each truth distance (≤ 1.5 m, ≤ 2 m), TPR and FPR with
 * Wilson intervals; the ROC AUC of the configured rule's score at 2 m; and the best score threshold for that
 * rule under leave-one-pair-out cross-validation (chosen on all other pairs by Youden's J = TPR − FPR, applied to
 * the left-out pair), so that the threshold is never judged on the data it was chosen on.
 */
public final class RuleEvaluation {
    public static final double[] CUTS_M = {1.5, 2.0};
    public static final double HEADLINE_CUT_M = 2.0;

    private RuleEvaluation() {
    }

    /** One rule at one truth distance. */
    public record RuleResult(String rule, String source, double cutM, Wilson tpr, Wilson fpr) {
        public double youden() {
            return tpr.estimate() - fpr.estimate();
        }
    }

    /** Leave-one-pair-out: thresholds chosen per fold (minutes of weighted time) and the pooled held-out result. */
    public record CrossValidation(double cutM, int folds, double medianThresholdMin, double minThresholdMin,
                                  double maxThresholdMin, Wilson tpr, Wilson fpr) {
        public double youden() {
            return tpr.estimate() - fpr.estimate();
        }
    }

    public record Report(int exposures, int pairs, List<RuleResult> results, double auc, CrossValidation cv,
                         RuleResult headline) {
    }

    public static Report evaluate(List<FieldExposure> data, DetectionRule configured, List<DetectionRule> others) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException("no exposures");
        }
        List<DetectionRule> rules = new ArrayList<>();
        rules.add(configured);
        rules.addAll(others);
        List<RuleResult> results = new ArrayList<>();
        RuleResult headline = null;
        for (DetectionRule rule : rules) {
            for (double cut : CUTS_M) {
                RuleResult r = apply(rule, data, cut);
                results.add(r);
                if (rule == configured && cut == HEADLINE_CUT_M) {
                    headline = r;
                }
            }
        }
        double[] scores = data.stream().mapToDouble(e -> configured.score(e.histogram())).toArray();
        boolean[] truth = truth(data, HEADLINE_CUT_M);
        int pairs = (int) data.stream().map(FieldExposure::pairId).distinct().count();
        return new Report(data.size(), pairs, results, auc(scores, truth), crossValidate(data, scores, truth),
                headline);
    }

    public static RuleResult apply(DetectionRule rule, List<FieldExposure> data, double cutM) {
        int tp = 0;
        int p = 0;
        int fp = 0;
        int n = 0;
        for (FieldExposure e : data) {
            boolean fires = rule.fires(e.histogram());
            if (e.distanceM() <= cutM) {
                p++;
                tp += fires ? 1 : 0;
            } else {
                n++;
                fp += fires ? 1 : 0;
            }
        }
        return new RuleResult(rule.name(), rule.source(), cutM, Wilson.of(tp, p), Wilson.of(fp, n));
    }

    static boolean[] truth(List<FieldExposure> data, double cutM) {
        boolean[] t = new boolean[data.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = data.get(i).distanceM() <= cutM;
        }
        return t;
    }

    /** Probability that a positive scores above a negative (ties count half); NaN without both classes. */
    public static double auc(double[] scores, boolean[] positive) {
        long pos = 0;
        long neg = 0;
        double wins = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!positive[i]) {
                continue;
            }
            pos++;
            for (int j = 0; j < scores.length; j++) {
                if (!positive[j]) {
                    wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
                }
            }
        }
        for (boolean b : positive) {
            neg += b ? 0 : 1;
        }
        return pos == 0 || neg == 0 ? Double.NaN : wins / (pos * neg);
    }

    static CrossValidation crossValidate(List<FieldExposure> data, double[] scores, boolean[] truth) {
        Map<String, List<Integer>> byPair = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            byPair.computeIfAbsent(data.get(i).pairId(), k -> new ArrayList<>()).add(i);
        }
        List<Double> chosen = new ArrayList<>();
        int tp = 0;
        int p = 0;
        int fp = 0;
        int n = 0;
        boolean[] held = new boolean[scores.length];
        for (List<Integer> fold : byPair.values()) {
            for (int i : fold) {
                held[i] = true;
            }
            double best = bestThreshold(scores, truth, held);
            for (int i : fold) {
                held[i] = false;
                boolean fires = scores[i] >= best;
                if (truth[i]) {
                    p++;
                    tp += fires ? 1 : 0;
                } else {
                    n++;
                    fp += fires ? 1 : 0;
                }
            }
            if (!Double.isNaN(best)) {
                chosen.add(best / 60);
            }
        }
        double[] c = chosen.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = c.length == 0 ? Double.NaN : c.length % 2 == 1 ? c[c.length / 2]
                : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
        return new CrossValidation(HEADLINE_CUT_M, byPair.size(), median,
                c.length == 0 ? Double.NaN : c[0], c.length == 0 ? Double.NaN : c[c.length - 1],
                Wilson.of(tp, p), Wilson.of(fp, n));
    }

    /**
     * The threshold (fire when score ≥ it) with the highest J on the exposures not held out. Candidates are the
     * midpoints between consecutive distinct training scores (and one below / above all of them), so that no
     * held-out score is ever looked at; when several give the best J, the middle one of them is taken, i.e. the
     * middle of the best range. NaN (never fire) when the training data lack a class.
     */
    static double bestThreshold(double[] scores, boolean[] truth, boolean[] held) {
        int p = 0;
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!held[i]) {
                if (truth[i]) {
                    p++;
                } else {
                    n++;
                }
            }
        }
        if (p == 0 || n == 0) {
            return Double.NaN;
        }
        double[] train = new double[p + n];
        int k = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!held[i]) {
                train[k++] = scores[i];
            }
        }
        double[] distinct = Arrays.stream(train).distinct().sorted().toArray();
        double[] candidates = new double[distinct.length + 1];
        candidates[0] = distinct[0];
        for (int i = 1; i < distinct.length; i++) {
            candidates[i] = (distinct[i - 1] + distinct[i]) / 2;
        }
        candidates[distinct.length] = distinct[distinct.length - 1] + 1;
        double bestJ = Double.NEGATIVE_INFINITY;
        List<Double> best = new ArrayList<>();
        for (double th : candidates) {
            int tp = 0;
            int fp = 0;
            for (int i = 0; i < scores.length; i++) {
                if (!held[i] && scores[i] >= th) {
                    if (truth[i]) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
            }
            double j = (double) tp / p - (double) fp / n;
            if (j > bestJ + 1e-12) {
                bestJ = j;
                best.clear();
            }
            if (Math.abs(j - bestJ) <= 1e-12) {
                best.add(th);
            }
        }
        return best.get(best.size() / 2);
    }
}
