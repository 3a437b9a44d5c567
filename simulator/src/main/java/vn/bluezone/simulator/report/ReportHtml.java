package vn.bluezone.simulator.report;

import vn.bluezone.simulator.RunResult;
import vn.bluezone.simulator.SimulationConfig;
import vn.bluezone.simulator.SimulationOutcome;
import vn.bluezone.simulator.Sweep;
import vn.bluezone.simulator.util.Stats;

/**
 * report.html: one self-contained page (inline CSS and SVG, no scripts, no external resources), in Vietnamese by
 * default or in English, its words from {@code report.properties} / {@code report_en.properties} ({@link ReportText}).
 */
public final class ReportHtml {
    private static final String APP = "#1769aa";
    private static final String NO_APP = "#c0392b";
    private static final String PUB = "#27ae60";

    private ReportHtml() {
    }

    /** In Vietnamese. */
    public static String render(SimulationOutcome o) {
        return render(o, ReportText.of("vi"));
    }

    public static String render(SimulationOutcome o, ReportText t) {
        SimulationConfig c = o.config();
        RunResult w = o.withApp();
        RunResult n = o.withoutApp();
        String title = Html.escape(t.t("title", communeTitle(c, t)));
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"").append(t.lang()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(title).append("</title>\n<style>")
                .append("body{font-family:sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}")
                .append("table{display:block;overflow-x:auto;max-width:100%}")
                .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 8px;")
                .append("text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}")
                .append("h2{border-bottom:2px solid #1769aa;padding-bottom:2px}.note{color:#555;font-size:90%}")
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(title).append("</h1>\n");
        h.append("<p>").append(t.t("intro", t.n(w.population), t.n(w.households), String.valueOf(c.days),
                String.valueOf(c.seed), t.t("mode." + w.mode), t.pct(c.adoption), t.n(w.appUsers),
                t.n(w.smartphoneOwners), t.pct(w.uptake()))).append("</p>\n");
        if (c.otherMeasuresFactor != 1.0) {
            // A reader must know the epidemic was held down by other measures (the NHS setting, README).
            h.append("<p>").append(t.t("otherMeasures", t.num(c.otherMeasuresFactor))).append("</p>\n");
        }

        h.append("<h2>").append(t.t("impact")).append("</h2>\n");
        int averted = n.transmissions() - w.transmissions();
        double rel = n.transmissions() == 0 ? Double.NaN : 100.0 * averted / n.transmissions();
        h.append("<table><tr><th></th><th>").append(t.t("col.withApp")).append("</th><th>")
                .append(t.t("col.withoutApp")).append("</th></tr>")
                .append(row(t.t("row.attackRate"), t.pct(w.attackRate()), t.pct(n.attackRate())))
                .append(row(t.t("row.infections", t.n(w.seedInfections)), t.n(w.infections), t.n(n.infections)))
                .append(row(t.t("row.confirmed"), t.n(w.confirmed), t.n(n.confirmed)))
                .append(row(t.t("row.earlyR"), t.num(w.earlyR), t.num(n.earlyR)))
                .append(row(t.t("row.warnedF1"), t.n(w.warnedF1) + " / " + t.n(w.quarantinedF1), "–"))
                .append(row(t.t("row.warnedF2"), t.n(w.warnedF2), "–"))
                .append("</table>\n");
        // One pair of runs has no interval: a headline "0 infections averted" read alone misleads (issue 13).
        h.append("<p>").append(t.t("averted", t.n(averted), t.num(rel))).append("</p>\n");
        h.append("<p>").append(t.t("perPoint", t.num(w.uptake() == 0 ? Double.NaN : rel / (w.uptake() * 100)),
                t.num(MetricsJson.WYMANT_MODELLING), t.num(MetricsJson.WYMANT_STATISTICAL))).append("</p>\n");
        h.append(epidemicCurve(w, n, t));

        h.append("<h2>").append(t.t("detection")).append("</h2>\n");
        h.append("<p class=\"note\">").append(t.t("detection.note", String.valueOf(c.nearMinutesThreshold()),
                        t.num(c.nearThresholdDb())))
                .append("</p>\n");
        h.append("<table><tr><th></th>");
        for (String col : new String[] {"col.precision", "col.recall", "col.f1", "col.tp", "col.fp", "col.fn"}) {
            h.append("<th>").append(t.t(col)).append("</th>");
        }
        h.append("</tr>")
                .append(prfRow(t, t.t("row.dayPairs"), w.detectionTp, w.detectionFp, w.detectionFn))
                .append("engines".equals(w.mode)
                        ? "<tr><td>" + t.t("row.warningPairs") + "</td><td colspan=\"6\">"
                                + t.t("row.warningPairs.engines") + "</td></tr>"
                        : prfRow(t, t.t("row.warningPairs"), w.warningPairsTp,
                                w.warningPairsWarned - w.warningPairsTp, w.warningPairsTruth - w.warningPairsTp))
                .append(prfRow(t, t.t("row.warnedPeople"), w.warnedPeopleTp, w.warnedPeopleWarned - w.warnedPeopleTp,
                        w.warnedPeopleTruth - w.warnedPeopleTp))
                .append("</table>\n");
        if (!"engines".equals(w.mode) && w.warningPairsTruthInfectiousness > 0) {
            h.append("<p class=\"note\">").append(t.t("warningPairs.byInfectiousness",
                    t.num(w.warningPairsTpInfectiousness / w.warningPairsTruthInfectiousness))).append("</p>\n");
        }
        h.append(noiseCurve(w, t));

        h.append("<h2>").append(t.t("speed")).append("</h2>\n");
        h.append("<p>").append(t.t("speed.text", t.n(w.hoursToWarning.length),
                t.num(Stats.quantile(w.hoursToWarning, 0.5)), t.num(Stats.quantile(w.hoursToWarning, 0.9)),
                t.num(c.uploadDelayMeanHours), String.valueOf(c.exportIntervalMinutes),
                String.valueOf(c.checkIntervalMinutes))).append("</p>\n");
        h.append(histogram(w.hoursToWarning, t));

        if (o.sweep() != null) {
            h.append("<h2>").append(t.t("sweep")).append("</h2>\n");
            h.append(sweep(o.sweep(), t));
        }
        if (o.checkins() != null) {
            h.append("<h2>").append(t.t("checkins")).append("</h2>\n");
            h.append(CheckinReport.html(o.checkins(), c, t));
        }
        h.append("<h2>").append(t.t("model")).append("</h2>\n<p class=\"note\">").append(t.t("model.note"))
                .append("</p>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static String epidemicCurve(RunResult w, RunResult n, ReportText t) {
        int days = w.dailyInfections.length;
        double[] x = new double[days];
        double[] a = new double[days];
        double[] b = new double[days];
        double max = 1;
        for (int d = 0; d < days; d++) {
            x[d] = d;
            a[d] = w.dailyInfections[d];
            b[d] = n.dailyInfections[d];
            max = Math.max(max, Math.max(a[d], b[d]));
        }
        return Chart.in(t.locale(), t.t("chart.curve"), t.t("chart.curve.x"), t.t("chart.curve.y"), 0, Math.max(1, days - 1), 0, max * 1.1)
                .line(t.t("col.withoutApp"), NO_APP, x, b, true)
                .line(t.t("col.withApp"), APP, x, a, false)
                .svg();
    }

    private static String noiseCurve(RunResult w, ReportText t) {
        int k = w.noiseLevelsDb.length;
        double[] p = new double[k];
        double[] r = new double[k];
        double[] f = new double[k];
        for (int i = 0; i < k; i++) {
            p[i] = RunResult.precision(w.noiseTp[i], w.noiseFp[i]);
            r[i] = RunResult.recall(w.noiseTp[i], w.noiseFn[i]);
            f[i] = RunResult.f1(w.noiseTp[i], w.noiseFp[i], w.noiseFn[i]);
        }
        double maxX = k == 0 ? 1 : w.noiseLevelsDb[k - 1];
        return Chart.in(t.locale(), t.t("chart.noise"), t.t("chart.noise.x"), t.t("chart.noise.y"),
                w.noiseLevelsDb.length == 0 ? 0 : w.noiseLevelsDb[0], maxX, 0, 1)
                .line(t.t("col.precision"), APP, w.noiseLevelsDb, p, false)
                .line(t.t("col.recall"), NO_APP, w.noiseLevelsDb, r, false)
                .line(t.t("col.f1"), PUB, w.noiseLevelsDb, f, true)
                .svg();
    }

    private static String histogram(double[] hours, ReportText t) {
        double max = hours.length == 0 ? 24 : Math.max(24, Stats.quantile(hours, 0.99));
        int bins = 12;
        double width = Math.ceil(max / bins);
        double[] edges = new double[bins + 1];
        double[] counts = new double[bins];
        for (int i = 0; i <= bins; i++) {
            edges[i] = i * width;
        }
        for (double v : hours) {
            counts[Math.min(bins - 1, (int) (v / width))]++;
        }
        double top = 1;
        for (double cnt : counts) {
            top = Math.max(top, cnt);
        }
        return Chart.in(t.locale(), t.t("chart.hours"), t.t("chart.hours.x"), t.t("chart.hours.y"), 0, edges[bins], 0,
                top * 1.1).bars(t.t("chart.hours.y"), APP, edges, counts).svg();
    }

    private static String sweep(Sweep s, ReportText t) {
        StringBuilder h = new StringBuilder();
        h.append("<p>").append(t.t("sweep.intro", String.valueOf(s.seeds.length))).append("</p>\n<table><tr>");
        for (String col : new String[] {"sweep.col.adoption", "sweep.col.uptake", "sweep.col.attackRate",
            "sweep.col.averted", "sweep.col.reduction"}) {
            h.append("<th>").append(t.t(col)).append("</th>");
        }
        h.append("</tr>");
        int k = s.levels.length;
        double[] x = new double[k - 1];
        double[] y = new double[k - 1];
        double[] e = new double[k - 1];
        for (int l = 0; l < k; l++) {
            String averted = "–";
            String red = "–";
            if (l > 0) {
                double[] av = s.avertedPerPoint(l);
                double[] rd = s.reductionPercentPerPoint(l);
                averted = t.num(Stats.mean(av)) + " ± " + t.num(Stats.ci95HalfWidth(av));
                red = t.num(Stats.mean(rd)) + " ± " + t.num(Stats.ci95HalfWidth(rd));
                x[l - 1] = s.meanUptake(l) * 100;
                y[l - 1] = Stats.mean(rd);
                e[l - 1] = Stats.ci95HalfWidth(rd);
            }
            h.append("<tr><td>").append(t.pct(s.levels[l])).append("</td><td>").append(t.pct(s.meanUptake(l)))
                    .append("</td><td>").append(t.pct(s.meanAttackRate(l))).append(" ± ")
                    .append(t.pct(Stats.ci95HalfWidth(s.attackRate[l]))).append("</td><td>").append(averted)
                    .append("</td><td>").append(red).append("</td></tr>");
        }
        h.append("</table>\n");
        double[] slope = s.slopePercentPerPoint();
        h.append("<p>").append(t.t("sweep.slope", t.num(Stats.mean(slope)), t.num(Stats.ci95HalfWidth(slope)),
                t.num(MetricsJson.WYMANT_MODELLING), t.num(MetricsJson.WYMANT_STATISTICAL))).append("</p>\n");
        // Their figure is a marginal effect near their uptake (about 28 % of the population), so compare there.
        int[] b = s.bracket(MetricsJson.NHS_UPTAKE);
        if (b == null) {
            h.append("<p>").append(t.t("sweep.nhs.none")).append("</p>\n");
        } else {
            double[] marginal = s.marginalPercentPerPoint(MetricsJson.NHS_UPTAKE);
            h.append("<p>").append(t.t("sweep.nhs", t.num(100 * s.meanUptake(b[0])), t.num(100 * s.meanUptake(b[1])),
                    t.num(Stats.mean(marginal)), t.num(Stats.ci95HalfWidth(marginal)))).append("</p>\n");
        }
        if (k > 1) {
            double maxY = MetricsJson.WYMANT_STATISTICAL * 1.5;
            double minY = 0;
            for (int i = 0; i < y.length; i++) {
                maxY = Math.max(maxY, y[i] + e[i]);
                minY = Math.min(minY, y[i] - e[i]);
            }
            double maxX = 1;
            for (double v : x) {
                maxX = Math.max(maxX, v);
            }
            h.append(Chart.in(t.locale(), t.t("chart.sweep"), t.t("chart.sweep.x"), t.t("chart.sweep.y"), 0, maxX * 1.1, minY,
                    maxY * 1.1)
                    .band(t.t("chart.sweep.published", t.num(MetricsJson.WYMANT_MODELLING),
                            t.num(MetricsJson.WYMANT_STATISTICAL)), PUB, MetricsJson.WYMANT_MODELLING,
                            MetricsJson.WYMANT_STATISTICAL)
                    .points(t.t("chart.sweep.simulated"), APP, x, y, e)
                    .svg());
        }
        return h.toString();
    }

    /** "Xã Quảng Ngạn (mã 19873)": the name officials know, the code to find it; the code alone when unnamed. */
    static String communeTitle(SimulationConfig c, ReportText t) {
        String code = t.t("commune.code", String.valueOf(c.commune));
        return c.communeName == null || c.communeName.isBlank() ? t.t("commune.unnamed", code)
                : t.t("commune.named", c.communeName.strip(), code);
    }

    private static String row(String label, String a, String b) {
        return "<tr><td>" + Html.escape(label) + "</td><td>" + a + "</td><td>" + b + "</td></tr>";
    }

    private static String prfRow(ReportText t, String label, long tp, long fp, long fn) {
        return "<tr><td>" + label + "</td><td>" + t.num(RunResult.precision(tp, fp)) + "</td><td>"
                + t.num(RunResult.recall(tp, fn)) + "</td><td>" + t.num(RunResult.f1(tp, fp, fn)) + "</td><td>"
                + t.n(tp) + "</td><td>" + t.n(fp) + "</td><td>" + t.n(fn) + "</td></tr>";
    }
}
