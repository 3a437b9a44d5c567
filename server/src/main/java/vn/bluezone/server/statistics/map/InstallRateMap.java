package vn.bluezone.server.statistics.map;

import java.util.List;

/**
 * What the national dashboard draws: every province's outline with its rate class and the title a screen reader or
 * a hover reads ("Tỉnh Nghệ An: 12,3%"), the island groups' names, and the legend with the number of provinces per
 * class.
 */
public record InstallRateMap(String viewBox, List<Province> provinces, List<Label> labels, List<LegendEntry> legend) {

    /** {@code cssClass} is "rate-c0" … "rate-c4" or "rate-none". */
    public record Province(String code, String path, int rateClass, String cssClass, String title) {
    }

    public record Label(double x, double y, String anchor, String text) {
    }

    public record LegendEntry(String cssClass, String text, long provinces) {
    }
}
