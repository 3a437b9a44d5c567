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

    static String html(CheckinComparison c, SimulationConfig cfg, ReportText t) {
        StringBuilder h = new StringBuilder();
        h.append("<p>").append(t.t("checkins.intro", t.pct(c.share), String.valueOf(cfg.checkinMinimumOverlapMinutes),
                t.num(cfg.sharedAirQuantaPerHour), String.valueOf(c.seeds.length))).append("</p>\n");
        h.append("<table><tr><th></th><th>").append(t.t("checkins.col.bluetooth")).append("</th><th>")
                .append(t.t("checkins.col.withCheckins")).append("</th></tr>");
        row(h, t, t.t("checkins.row.infections"), c.infectionsBluetooth, c.infectionsCheckins);
        row(h, t, t.t("checkins.row.detected"), c.detectedBluetooth, c.detectedCheckins);
        h.append("</table>\n");
        double[] added = c.addedToDetection();
        double[] averted = c.averted();
        h.append("<p>").append(t.t("checkins.result", t.num(Stats.mean(added)), t.num(Stats.ci95HalfWidth(added)),
                t.num(Stats.mean(averted)), t.num(Stats.ci95HalfWidth(averted)))).append("</p>\n");
        return h.toString();
    }

    private static void row(StringBuilder h, ReportText t, String label, int[] bt, int[] ci) {
        h.append("<tr><td>").append(label).append("</td><td>").append(t.num(CheckinComparison.mean(bt)))
                .append(" ± ").append(t.num(CheckinComparison.ci95(bt))).append("</td><td>")
                .append(t.num(CheckinComparison.mean(ci))).append(" ± ")
                .append(t.num(CheckinComparison.ci95(ci))).append("</td></tr>");
    }
}
