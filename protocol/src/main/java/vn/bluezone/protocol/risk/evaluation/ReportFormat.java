package vn.bluezone.protocol.risk.evaluation;

import java.util.Locale;

/** The evaluation as text (one table, last line {@code rule TPR=… FPR=… J=… AUC=…}) or as one JSON object. */
public final class ReportFormat {
    private ReportFormat() {
    }

    public static String text(RuleEvaluation.Report r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%d exposures of %d pairs%n", r.exposures(), r.pairs()));
        b.append(String.format(Locale.ROOT, "%-14s %-8s %-26s %-26s %s%n", "rule", "truth", "TPR (95% CI)",
                "FPR (95% CI)", "J"));
        for (RuleEvaluation.RuleResult x : r.results()) {
            b.append(String.format(Locale.ROOT, "%-14s <= %.1f m %-26s %-26s %s%n", x.rule(), x.cutM(),
                    rate(x.tpr()), rate(x.fpr()), num(x.youden())));
        }
        RuleEvaluation.CrossValidation cv = r.cv();
        b.append(String.format(Locale.ROOT, "AUC of %s's score at <= 2.0 m: %s%n", r.headline().rule(), num(r.auc())));
        b.append(String.format(Locale.ROOT, "best threshold (leave-one-pair-out, %d folds, <= 2.0 m): %s min "
                        + "(median; range %s-%s); held-out TPR %s FPR %s J %s%n",
                cv.folds(), num(cv.medianThresholdMin()), num(cv.minThresholdMin()), num(cv.maxThresholdMin()),
                rate(cv.tpr()), rate(cv.fpr()), num(cv.youden())));
        RuleEvaluation.RuleResult h = r.headline();
        b.append(String.format(Locale.ROOT, "rule TPR=%s FPR=%s J=%s AUC=%s%n", num(h.tpr().estimate()),
                num(h.fpr().estimate()), num(h.youden()), num(r.auc())));
        return b.toString();
    }

    public static String json(RuleEvaluation.Report r) {
        StringBuilder b = new StringBuilder("{");
        b.append("\"exposures\":").append(r.exposures()).append(",\"pairs\":").append(r.pairs());
        b.append(",\"rules\":[");
        for (int i = 0; i < r.results().size(); i++) {
            RuleEvaluation.RuleResult x = r.results().get(i);
            b.append(i == 0 ? "" : ",").append("{\"rule\":").append(str(x.rule())).append(",\"source\":")
                    .append(str(x.source())).append(",\"truthDistanceM\":").append(jnum(x.cutM()))
                    .append(",\"tpr\":").append(wilson(x.tpr())).append(",\"fpr\":").append(wilson(x.fpr()))
                    .append(",\"j\":").append(jnum(x.youden())).append('}');
        }
        RuleEvaluation.CrossValidation cv = r.cv();
        b.append("],\"auc\":").append(jnum(r.auc()));
        b.append(",\"crossValidation\":{\"method\":\"leave-one-pair-out\",\"truthDistanceM\":").append(jnum(cv.cutM()))
                .append(",\"folds\":").append(cv.folds())
                .append(",\"thresholdMinutes\":{\"median\":").append(jnum(cv.medianThresholdMin()))
                .append(",\"min\":").append(jnum(cv.minThresholdMin())).append(",\"max\":")
                .append(jnum(cv.maxThresholdMin())).append("},\"tpr\":").append(wilson(cv.tpr()))
                .append(",\"fpr\":").append(wilson(cv.fpr())).append(",\"j\":").append(jnum(cv.youden())).append('}');
        RuleEvaluation.RuleResult h = r.headline();
        b.append(",\"headline\":{\"rule\":").append(str(h.rule())).append(",\"tpr\":").append(jnum(h.tpr().estimate()))
                .append(",\"fpr\":").append(jnum(h.fpr().estimate())).append(",\"j\":").append(jnum(h.youden()))
                .append(",\"auc\":").append(jnum(r.auc())).append("}}");
        return b.toString();
    }

    private static String rate(Wilson w) {
        if (w.trials() == 0) {
            return "n/a (0 exposures)";
        }
        return String.format(Locale.ROOT, "%.2f (%.2f-%.2f) %d/%d", w.estimate(), w.low(), w.high(), w.successes(),
                w.trials());
    }

    private static String num(double v) {
        // No "-0.00": a J that rounds to zero is zero.
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", Math.abs(v) < 0.005 ? 0.0 : v);
    }

    private static String wilson(Wilson w) {
        return "{\"k\":" + w.successes() + ",\"n\":" + w.trials() + ",\"estimate\":" + jnum(w.estimate())
                + ",\"low\":" + jnum(w.low()) + ",\"high\":" + jnum(w.high()) + "}";
    }

    private static String jnum(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "null";
        }
        return String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", ".0");
    }

    private static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
