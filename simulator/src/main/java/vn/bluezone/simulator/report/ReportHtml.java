package vn.bluezone.simulator.report;

import java.util.Locale;
import vn.bluezone.simulator.RunResult;
import vn.bluezone.simulator.SimulationConfig;
import vn.bluezone.simulator.SimulationOutcome;
import vn.bluezone.simulator.Sweep;
import vn.bluezone.simulator.util.Stats;

/** report.html: one self-contained page (inline CSS and SVG, no scripts, no external resources). */
public final class ReportHtml {
    private static final String APP = "#1769aa";
    private static final String NO_APP = "#c0392b";
    private static final String PUB = "#27ae60";

    private ReportHtml() {
    }

    public static String render(SimulationOutcome o) {
        SimulationConfig c = o.config();
        RunResult w = o.withApp();
        RunResult n = o.withoutApp();
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Bluezone – mô phỏng xã ").append(c.commune).append("</title>\n<style>")
                .append("body{font-family:sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}")
                .append("table{display:block;overflow-x:auto;max-width:100%}")
                .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 8px;")
                .append("text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}")
                .append("h2{border-bottom:2px solid #1769aa;padding-bottom:2px}.note{color:#555;font-size:90%}")
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>Mô phỏng Bluezone – xã ").append(c.commune).append(" / Bluezone simulation, commune ")
                .append(c.commune).append("</h1>\n");
        h.append("<p>").append(n(w.population)).append(" people in ").append(n(w.households))
                .append(" households, ").append(c.days).append(" days, seed ").append(c.seed).append(", mode <b>")
                .append(w.mode).append("</b>. App adoption among smartphone owners ").append(pct(c.adoption))
                .append(": ").append(n(w.appUsers)).append(" app users of ").append(n(w.smartphoneOwners))
                .append(" smartphone owners, an uptake of ").append(pct(w.uptake())).append(" of the population.</p>\n");

        h.append("<h2>Tác động / Impact</h2>\n");
        int averted = n.transmissions() - w.transmissions();
        double rel = n.transmissions() == 0 ? Double.NaN : 100.0 * averted / n.transmissions();
        h.append("<table><tr><th></th><th>with the app</th><th>without the app</th></tr>")
                .append(row("attack rate", pct(w.attackRate()), pct(n.attackRate())))
                .append(row("infections (incl. " + w.seedInfections + " seeded)", n(w.infections), n(n.infections)))
                .append(row("confirmed cases", n(w.confirmed), n(n.confirmed)))
                .append(row("early reproduction number", num(w.earlyR), num(n.earlyR)))
                .append(row("F1 warned / quarantined", n(w.warnedF1) + " / " + n(w.quarantinedF1), "–"))
                .append(row("F2 warned", n(w.warnedF2), "–"))
                .append("</table>\n");
        // One pair of runs has no interval: a headline "0 infections averted" read alone misleads (issue 13).
        h.append("<p><b>").append(n(averted)).append(" ca nhiễm tránh được trong một lần chạy</b> (")
                .append(num(rel)).append("% ít hơn). Một lần chạy không cho khoảng tin cậy; mô phỏng nhiều lần với các hạt giống ngẫu ")
                .append("nhiên khác nhau mới cho khoảng tin cậy 95% (bảng quét tỷ lệ cài đặt, nếu có).</p>\n");
        h.append("<p>Same seed, same people, same natural histories: <b>").append(n(averted))
                .append(" infections averted in this single pair of runs, no interval</b> (").append(num(rel))
                .append("% fewer), i.e. ")
                .append(num(w.uptake() == 0 ? Double.NaN : rel / (w.uptake() * 100)))
                .append("% fewer infections per percentage point of uptake (published: ")
                .append(MetricsJson.WYMANT_MODELLING).append("–").append(MetricsJson.WYMANT_STATISTICAL)
                .append("%, Wymant et al. 2021).</p>\n");
        h.append(epidemicCurve(w, n));

        h.append("<h2>Phát hiện tiếp xúc gần / Detection</h2>\n");
        h.append("<p class=\"note\">Ground truth: two app users within 2 m for at least 15 cumulative minutes in a day. ")
                .append("The phone counts a contact when it heard the other phone as near (attenuation at most the ")
                .append("2 m threshold) for at least ").append(c.nearMinutesThreshold).append(" minutes in a day.</p>\n");
        h.append("<table><tr><th></th><th>precision</th><th>recall</th><th>F1</th><th>TP</th><th>FP</th><th>FN</th></tr>")
                .append(prfRow("contact pair-days", w.detectionTp, w.detectionFp, w.detectionFn))
                .append("engines".equals(w.mode)
                        ? "<tr><td>warnings (case, contact) pairs</td><td colspan=\"6\">not measured in engines mode "
                                + "(warnings are not attributed to a case)</td></tr>"
                        : prfRow("warnings (case, contact) pairs", w.warningPairsTp,
                                w.warningPairsWarned - w.warningPairsTp, w.warningPairsTruth - w.warningPairsTp))
                .append(prfRow("warned people (F1)", w.warnedPeopleTp, w.warnedPeopleWarned - w.warnedPeopleTp,
                        w.warnedPeopleTruth - w.warnedPeopleTp))
                .append("</table>\n");
        h.append(noiseCurve(w));

        h.append("<h2>Tốc độ cảnh báo / Speed</h2>\n");
        h.append("<p>").append(n(w.hoursToWarning.length)).append(" warnings; hours from a case's confirmation to ")
                .append("its contacts' warnings: median <b>").append(num(Stats.quantile(w.hoursToWarning, 0.5)))
                .append("</b>, 90th percentile <b>").append(num(Stats.quantile(w.hoursToWarning, 0.9)))
                .append("</b> (upload delay mean ").append(num(c.uploadDelayMeanHours)).append(" h, exports every ")
                .append(c.exportIntervalMinutes).append(" min, phones check every ").append(c.checkIntervalMinutes)
                .append(" min).</p>\n");
        h.append(histogram(w.hoursToWarning));

        if (o.sweep() != null) {
            h.append("<h2>Mỗi phần trăm cài đặt đáng giá bao nhiêu? / What is each point of uptake worth?</h2>\n");
            h.append(sweep(o.sweep()));
        }
        h.append("<h2>Mô hình / Model</h2>\n<p class=\"note\">Households of 3.5 people on average and the age ")
                .append("structure of the 2019 census (GSO); smartphone ownership by age (assumption anchored to Pew ")
                .append("Research Center 2017 and MIC 2020); SEIR with presymptomatic and asymptomatic infectiousness ")
                .append("(Ferretti et al., Science 2020; He et al., Nat Med 2020; Buitrago-Garcia et al., PLoS Med ")
                .append("2020). Details and every parameter's source: simulator/README.md and metrics.json.</p>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static String epidemicCurve(RunResult w, RunResult n) {
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
        return new Chart("New infections per day", "day", "infections", 0, Math.max(1, days - 1), 0, max * 1.1)
                .line("without the app", NO_APP, x, b, true)
                .line("with the app", APP, x, a, false)
                .svg();
    }

    private static String noiseCurve(RunResult w) {
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
        return new Chart("Detection vs radio noise (day 0, app-user pairs)", "shadowing σ (dB)", "score",
                w.noiseLevelsDb.length == 0 ? 0 : w.noiseLevelsDb[0], maxX, 0, 1)
                .line("precision", APP, w.noiseLevelsDb, p, false)
                .line("recall", NO_APP, w.noiseLevelsDb, r, false)
                .line("F1", PUB, w.noiseLevelsDb, f, true)
                .svg();
    }

    private static String histogram(double[] hours) {
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
        return new Chart("Hours from confirmation to warning", "hours", "warnings", 0, edges[bins], 0, top * 1.1)
                .bars("warnings", APP, edges, counts).svg();
    }

    private static String sweep(Sweep s) {
        StringBuilder h = new StringBuilder();
        h.append("<p>").append(s.seeds.length).append(" seeds per level; 95% t-intervals over seeds. Uptake is the ")
                .append("share of the whole population using the app.</p>\n");
        h.append("<table><tr><th>adoption (owners)</th><th>uptake (population)</th><th>attack rate</th>")
                .append("<th>infections averted per point</th><th>% fewer infections per point</th></tr>");
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
                averted = num(Stats.mean(av)) + " ± " + num(Stats.ci95HalfWidth(av));
                red = num(Stats.mean(rd)) + " ± " + num(Stats.ci95HalfWidth(rd));
                x[l - 1] = s.meanUptake(l) * 100;
                y[l - 1] = Stats.mean(rd);
                e[l - 1] = Stats.ci95HalfWidth(rd);
            }
            h.append("<tr><td>").append(pct(s.levels[l])).append("</td><td>").append(pct(s.meanUptake(l)))
                    .append("</td><td>").append(pct(s.meanAttackRate(l))).append(" ± ")
                    .append(pct(Stats.ci95HalfWidth(s.attackRate[l]))).append("</td><td>").append(averted)
                    .append("</td><td>").append(red).append("</td></tr>");
        }
        h.append("</table>\n");
        double[] slope = s.slopePercentPerPoint();
        h.append("<p>Over all levels: <b>").append(num(Stats.mean(slope))).append(" ± ")
                .append(num(Stats.ci95HalfWidth(slope))).append("%</b> fewer infections per percentage point of ")
                .append("uptake, next to the NHS COVID-19 app's ").append(MetricsJson.WYMANT_MODELLING)
                .append("% (modelling) to ").append(MetricsJson.WYMANT_STATISTICAL)
                .append("% (statistical) per point (Wymant et al., Nature 594:408, 2021).</p>\n");
        // Their figure is a marginal effect near their uptake (about 28 % of the population), so compare there.
        int[] b = s.bracket(MetricsJson.NHS_UPTAKE);
        if (b == null) {
            h.append("<p>Near the NHS app's uptake (28 % of the population): not measured (no two levels around it).</p>\n");
        } else {
            double[] marginal = s.marginalPercentPerPoint(MetricsJson.NHS_UPTAKE);
            h.append("<p>Near the NHS app's uptake (28 % of the population), between ")
                    .append(num(100 * s.meanUptake(b[0]))).append("% and ").append(num(100 * s.meanUptake(b[1])))
                    .append("% uptake: <b>").append(num(Stats.mean(marginal))).append(" ± ")
                    .append(num(Stats.ci95HalfWidth(marginal))).append("%</b> fewer infections per extra point ")
                    .append("(the marginal effect, comparable with theirs; horizon: this run's days, theirs ")
                    .append("October–December 2020).</p>\n");
        }
        if (k > 1) {
            double maxY = MetricsJson.WYMANT_STATISTICAL * 1.5;
            for (int i = 0; i < y.length; i++) {
                maxY = Math.max(maxY, y[i] + e[i]);
            }
            double minY = 0;
            for (int i = 0; i < y.length; i++) {
                minY = Math.min(minY, y[i] - e[i]);
            }
            double maxX = 1;
            for (double v : x) {
                maxX = Math.max(maxX, v);
            }
            h.append(new Chart("% fewer infections per point of uptake", "uptake (% of population)",
                    "% fewer infections per point", 0, maxX * 1.1, minY, maxY * 1.1)
                    .band("Wymant et al. 2021: 0.8–2.3%", PUB, MetricsJson.WYMANT_MODELLING,
                            MetricsJson.WYMANT_STATISTICAL)
                    .points("this simulation (95% CI)", APP, x, y, e)
                    .svg());
        }
        return h.toString();
    }

    private static String row(String label, String a, String b) {
        return "<tr><td>" + Html.escape(label) + "</td><td>" + a + "</td><td>" + b + "</td></tr>";
    }

    private static String prfRow(String label, long tp, long fp, long fn) {
        return "<tr><td>" + label + "</td><td>" + num(RunResult.precision(tp, fp)) + "</td><td>"
                + num(RunResult.recall(tp, fn)) + "</td><td>" + num(RunResult.f1(tp, fp, fn)) + "</td><td>"
                + tp + "</td><td>" + fp + "</td><td>" + fn + "</td></tr>";
    }

    static String num(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f%%", v * 100);
    }

    static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }
}
