package vn.bluezone.simulator.report;

import java.util.Map;
import vn.bluezone.simulator.CheckinComparison;
import vn.bluezone.simulator.SimulationConfig;
import vn.bluezone.simulator.util.Stats;

/** The check-ins' section of metrics.json and report.html: check-ins next to Bluetooth alone, per seed. */
final class CheckinReport {
    private CheckinReport() {
    }

    static Map<String, Object> json(CheckinComparison c, SimulationConfig cfg) {
        Map<String, Object> m = Json.object();
        m.put("checkinShareOfAppUsers", c.share);
        m.put("minimumOverlapMinutes", cfg.checkinMinimumOverlapMinutes);
        m.put("sharedAirQuantaPerHour", cfg.sharedAirQuantaPerHour);
        m.put("seeds", c.seeds);
        m.put("checkinUsers", c.checkinUsers);
        m.put("infectionsBluetoothAlone", c.infectionsBluetooth);
        m.put("infectionsWithCheckins", c.infectionsCheckins);
        m.put("sharedAirInfectionsBluetoothAlone", c.sharedAirInfectionsBluetooth);
        m.put("detectedBluetoothAlone", c.detectedBluetooth);
        m.put("detectedWithCheckins", c.detectedCheckins);
        m.put("firstWarnedByCheckin", c.checkinFirstWarned);
        double[] added = c.addedToDetection();
        double[] averted = c.averted();
        m.put("addedToDetection", Stats.mean(added));
        m.put("addedToDetectionCi95", Stats.ci95HalfWidth(added));
        m.put("infectionsAverted", Stats.mean(averted));
        m.put("infectionsAvertedCi95", Stats.ci95HalfWidth(averted));
        m.put("definition", "detected: infected (not a seed) and warned F1 by Bluetooth or a check-in after the "
                + "infection; added = detected with check-ins - detected with Bluetooth alone; averted = infections "
                + "with Bluetooth alone - with check-ins; same seeds, same population, 95% t-interval over seeds");
        return m;
    }

    static String html(CheckinComparison c, SimulationConfig cfg) {
        StringBuilder h = new StringBuilder();
        h.append("<p>").append(ReportHtml.pct(c.share)).append(" người dùng ứng dụng quét mã QR khi vào chợ, quán ăn ")
                .append("và bộ phận một cửa; điện thoại được cảnh báo khi thời gian trùng với một ca bệnh từ ")
                .append(cfg.checkinMinimumOverlapMinutes).append(" phút. Lây qua không khí chung trong các nơi đó ")
                .append("(Wells–Riley, ").append(ReportHtml.num(cfg.sharedAirQuantaPerHour))
                .append(" quanta/giờ) có trong cả hai cột. ").append(c.seeds.length)
                .append(" hạt giống, cùng dân số; khoảng tin cậy 95% (phân phối t).</p>\n");
        h.append("<table><tr><th></th><th>chỉ Bluetooth</th><th>Bluetooth + quét mã</th></tr>");
        row(h, "ca nhiễm", c.infectionsBluetooth, c.infectionsCheckins);
        row(h, "ca nhiễm được cảnh báo sau khi nhiễm", c.detectedBluetooth, c.detectedCheckins);
        h.append("</table>\n");
        double[] added = c.addedToDetection();
        double[] averted = c.averted();
        h.append("<p>Quét mã thêm <b>").append(ReportHtml.num(Stats.mean(added))).append(" ± ")
                .append(ReportHtml.num(Stats.ci95HalfWidth(added))).append("</b> ca nhiễm được phát hiện và tránh được <b>")
                .append(ReportHtml.num(Stats.mean(averted))).append(" ± ").append(ReportHtml.num(Stats.ci95HalfWidth(averted)))
                .append("</b> ca nhiễm mỗi lần chạy.</p>\n");
        return h.toString();
    }

    private static void row(StringBuilder h, String label, int[] bt, int[] ci) {
        h.append("<tr><td>").append(label).append("</td><td>").append(ReportHtml.num(CheckinComparison.mean(bt)))
                .append(" ± ").append(ReportHtml.num(CheckinComparison.ci95(bt))).append("</td><td>")
                .append(ReportHtml.num(CheckinComparison.mean(ci))).append(" ± ")
                .append(ReportHtml.num(CheckinComparison.ci95(ci))).append("</td></tr>");
    }
}
