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
                .append("<title>Mô phỏng Bluezone – ").append(Html.escape(communeTitle(c))).append("</title>\n<style>")
                .append("body{font-family:sans-serif;max-width:960px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}")
                .append("table{display:block;overflow-x:auto;max-width:100%}")
                .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 8px;")
                .append("text-align:right}th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}")
                .append("h2{border-bottom:2px solid #1769aa;padding-bottom:2px}.note{color:#555;font-size:90%}")
                .append("</style>\n</head>\n<body>\n");
        h.append("<h1>Mô phỏng Bluezone – ").append(Html.escape(communeTitle(c))).append("</h1>\n");
        h.append("<p>").append(n(w.population)).append(" người trong ").append(n(w.households))
                .append(" hộ, ").append(c.days).append(" ngày, hạt giống ").append(c.seed).append(", chế độ <b>")
                .append(w.mode).append("</b>. Tỷ lệ cài đặt trong người dùng điện thoại thông minh ")
                .append(pct(c.adoption)).append(": ").append(n(w.appUsers)).append(" người dùng ứng dụng trên ")
                .append(n(w.smartphoneOwners)).append(" người dùng điện thoại thông minh, tức ").append(pct(w.uptake()))
                .append(" dân số.</p>\n");

        h.append("<h2>Tác động</h2>\n");
        int averted = n.transmissions() - w.transmissions();
        double rel = n.transmissions() == 0 ? Double.NaN : 100.0 * averted / n.transmissions();
        h.append("<table><tr><th></th><th>có ứng dụng</th><th>không có ứng dụng</th></tr>")
                .append(row("tỷ lệ mắc", pct(w.attackRate()), pct(n.attackRate())))
                .append(row("ca nhiễm (gồm " + w.seedInfections + " ca ban đầu)", n(w.infections), n(n.infections)))
                .append(row("ca được xác nhận", n(w.confirmed), n(n.confirmed)))
                .append(row("hệ số lây nhiễm ban đầu", num(w.earlyR), num(n.earlyR)))
                .append(row("F1 được cảnh báo / cách ly", n(w.warnedF1) + " / " + n(w.quarantinedF1), "–"))
                .append(row("F2 được cảnh báo", n(w.warnedF2), "–"))
                .append("</table>\n");
        // One pair of runs has no interval: a headline "0 infections averted" read alone misleads (issue 13).
        h.append("<p><b>").append(n(averted)).append(" ca nhiễm tránh được trong một lần chạy</b> (")
                .append(num(rel)).append("% ít hơn). Một lần chạy không cho khoảng tin cậy; mô phỏng nhiều lần với các hạt giống ngẫu ")
                .append("nhiên khác nhau mới cho khoảng tin cậy 95% (bảng quét tỷ lệ cài đặt, nếu có).</p>\n");
        h.append("<p>Cùng hạt giống, cùng người, cùng diễn biến bệnh: tức ")
                .append(num(w.uptake() == 0 ? Double.NaN : rel / (w.uptake() * 100)))
                .append("% ca nhiễm ít hơn cho mỗi điểm phần trăm dân số cài đặt (đã công bố: ")
                .append(num(MetricsJson.WYMANT_MODELLING)).append("–").append(num(MetricsJson.WYMANT_STATISTICAL))
                .append("%, Wymant và cộng sự 2021).</p>\n");
        h.append(epidemicCurve(w, n));

        h.append("<h2>Phát hiện tiếp xúc gần</h2>\n");
        h.append("<p class=\"note\">Sự thật: hai người dùng ứng dụng ở trong vòng 2 m, cộng dồn ít nhất 15 phút ")
                .append("trong một ngày. Điện thoại tính là tiếp xúc khi nghe thấy điện thoại kia ở gần (suy hao không ")
                .append("quá ngưỡng 2 m) ít nhất ").append(c.nearMinutesThreshold).append(" phút trong một ngày.</p>\n");
        h.append("<table><tr><th></th><th>độ chính xác</th><th>độ phủ</th><th>F1</th><th>đúng</th><th>báo nhầm</th><th>bỏ sót</th></tr>")
                .append(prfRow("cặp tiếp xúc theo ngày", w.detectionTp, w.detectionFp, w.detectionFn))
                .append("engines".equals(w.mode)
                        ? "<tr><td>cặp (ca bệnh, người tiếp xúc) được cảnh báo</td><td colspan=\"6\">không đo ở chế độ "
                                + "engines (cảnh báo không gắn với một ca bệnh)</td></tr>"
                        : prfRow("cặp (ca bệnh, người tiếp xúc) được cảnh báo", w.warningPairsTp,
                                w.warningPairsWarned - w.warningPairsTp, w.warningPairsTruth - w.warningPairsTp))
                .append(prfRow("người được cảnh báo (F1)", w.warnedPeopleTp, w.warnedPeopleWarned - w.warnedPeopleTp,
                        w.warnedPeopleTruth - w.warnedPeopleTp))
                .append("</table>\n");
        h.append(noiseCurve(w));

        h.append("<h2>Tốc độ cảnh báo</h2>\n");
        h.append("<p>").append(n(w.hoursToWarning.length)).append(" cảnh báo; số giờ từ khi ca bệnh được xác ")
                .append("nhận đến khi người tiếp xúc được cảnh báo: trung vị <b>")
                .append(num(Stats.quantile(w.hoursToWarning, 0.5))).append("</b>, phân vị 90 <b>")
                .append(num(Stats.quantile(w.hoursToWarning, 0.9))).append("</b> (tải lên chậm trung bình ")
                .append(num(c.uploadDelayMeanHours)).append(" giờ, xuất khoá mỗi ").append(c.exportIntervalMinutes)
                .append(" phút, điện thoại kiểm tra mỗi ").append(c.checkIntervalMinutes).append(" phút).</p>\n");
        h.append(histogram(w.hoursToWarning));

        if (o.sweep() != null) {
            h.append("<h2>Mỗi phần trăm cài đặt đáng giá bao nhiêu?</h2>\n");
            h.append(sweep(o.sweep()));
        }
        if (o.checkins() != null) {
            h.append("<h2>Quét mã tại chợ, quán ăn và bộ phận một cửa</h2>\n");
            h.append(CheckinReport.html(o.checkins(), c));
        }
        h.append("<h2>Mô hình</h2>\n<p class=\"note\">Hộ trung bình 3,5 người và cơ cấu tuổi theo Tổng điều tra ")
                .append("dân số 2019 (Tổng cục Thống kê); sở hữu điện thoại thông minh theo tuổi (giả định dựa trên Pew ")
                .append("Research Center 2017 và Bộ TT&amp;TT 2020); mô hình SEIR có lây trước triệu chứng và không ")
                .append("triệu chứng (Ferretti và cộng sự, Science 2020; He và cộng sự, Nat Med 2020; Buitrago-Garcia ")
                .append("và cộng sự, PLoS Med 2020). Chi tiết và nguồn của từng tham số: simulator/README.md và ")
                .append("metrics.json.</p>\n");
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
        return new Chart("Ca nhiễm mới mỗi ngày", "ngày", "ca nhiễm", 0, Math.max(1, days - 1), 0, max * 1.1)
                .line("không có ứng dụng", NO_APP, x, b, true)
                .line("có ứng dụng", APP, x, a, false)
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
        return new Chart("Phát hiện theo nhiễu sóng (ngày 0, cặp người dùng)", "che khuất σ (dB)", "điểm",
                w.noiseLevelsDb.length == 0 ? 0 : w.noiseLevelsDb[0], maxX, 0, 1)
                .line("độ chính xác", APP, w.noiseLevelsDb, p, false)
                .line("độ phủ", NO_APP, w.noiseLevelsDb, r, false)
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
        return new Chart("Số giờ từ xác nhận đến cảnh báo", "giờ", "cảnh báo", 0, edges[bins], 0, top * 1.1)
                .bars("cảnh báo", APP, edges, counts).svg();
    }

    private static String sweep(Sweep s) {
        StringBuilder h = new StringBuilder();
        h.append("<p>").append(s.seeds.length).append(" hạt giống mỗi mức; khoảng tin cậy 95% (phân phối t) qua ")
                .append("các hạt giống. Tỷ lệ cài đặt dân số là phần dân số dùng ứng dụng.</p>\n");
        h.append("<table><tr><th>cài đặt (người có điện thoại)</th><th>cài đặt (dân số)</th><th>tỷ lệ mắc</th>")
                .append("<th>ca nhiễm tránh được mỗi điểm</th><th>% ca nhiễm ít hơn mỗi điểm</th></tr>");
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
        h.append("<p>Trên mọi mức: <b>").append(num(Stats.mean(slope))).append(" ± ")
                .append(num(Stats.ci95HalfWidth(slope))).append("%</b> ca nhiễm ít hơn cho mỗi điểm phần trăm ")
                .append("cài đặt, so với ứng dụng NHS COVID-19: ").append(num(MetricsJson.WYMANT_MODELLING))
                .append("% (mô hình) đến ").append(num(MetricsJson.WYMANT_STATISTICAL))
                .append("% (thống kê) mỗi điểm (Wymant và cộng sự, Nature 594:408, 2021).</p>\n");
        // Their figure is a marginal effect near their uptake (about 28 % of the population), so compare there.
        int[] b = s.bracket(MetricsJson.NHS_UPTAKE);
        if (b == null) {
            h.append("<p>Gần mức cài đặt của ứng dụng NHS (28% dân số): chưa đo (không có hai mức bao quanh).</p>\n");
        } else {
            double[] marginal = s.marginalPercentPerPoint(MetricsJson.NHS_UPTAKE);
            h.append("<p>Gần mức cài đặt của ứng dụng NHS (28% dân số), giữa ")
                    .append(num(100 * s.meanUptake(b[0]))).append("% và ").append(num(100 * s.meanUptake(b[1])))
                    .append("% cài đặt: <b>").append(num(Stats.mean(marginal))).append(" ± ")
                    .append(num(Stats.ci95HalfWidth(marginal))).append("%</b> ca nhiễm ít hơn cho mỗi điểm thêm ")
                    .append("(hiệu quả cận biên, so sánh được với của họ; thời gian: số ngày của lần chạy này, của họ ")
                    .append("tháng 10–12/2020).</p>\n");
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
            h.append(new Chart("% ca nhiễm ít hơn mỗi điểm cài đặt", "cài đặt (% dân số)",
                    "% ca nhiễm ít hơn mỗi điểm", 0, maxX * 1.1, minY, maxY * 1.1)
                    .band("Wymant và cộng sự 2021: 0,8–2,3%", PUB, MetricsJson.WYMANT_MODELLING,
                            MetricsJson.WYMANT_STATISTICAL)
                    .points("mô phỏng này (KTC 95%)", APP, x, y, e)
                    .svg());
        }
        return h.toString();
    }

    /** "Xã Quảng Ngạn (mã 19873)": the name officials know, the code to find it; the code alone when unnamed. */
    static String communeTitle(SimulationConfig c) {
        String code = "mã " + c.commune;
        return c.communeName == null || c.communeName.isBlank() ? "xã " + code : c.communeName.strip() + " (" + code + ")";
    }

    private static String row(String label, String a, String b) {
        return "<tr><td>" + Html.escape(label) + "</td><td>" + a + "</td><td>" + b + "</td></tr>";
    }

    private static String prfRow(String label, long tp, long fp, long fn) {
        return "<tr><td>" + label + "</td><td>" + num(RunResult.precision(tp, fp)) + "</td><td>"
                + num(RunResult.recall(tp, fn)) + "</td><td>" + num(RunResult.f1(tp, fp, fn)) + "</td><td>"
                + tp + "</td><td>" + fp + "</td><td>" + fn + "</td></tr>";
    }

    // Vietnamese number style (1.234,5 and 2,1%), as on the console.
    private static final Locale VI = Locale.forLanguageTag("vi");

    static String num(double v) {
        return Double.isNaN(v) ? "–" : String.format(VI, "%,.2f", v);
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "–" : String.format(VI, "%,.1f%%", v * 100);
    }

    static String n(long v) {
        return String.format(VI, "%,d", v);
    }
}
