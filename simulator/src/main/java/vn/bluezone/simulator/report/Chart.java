package vn.bluezone.simulator.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A small SVG chart drawn by hand (lines, points with error bars, bars, reference lines and bands, legend). */
public final class Chart {
    private static final int W = 640;
    private static final int H = 320;
    private static final int L = 60;
    private static final int R = 20;
    private static final int T = 30;
    private static final int B = 45;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private double x0;
    private double x1;
    private double y0;
    private double y1;
    private final StringBuilder body = new StringBuilder();
    private final List<String[]> legend = new ArrayList<>();
    private Locale numbers = ReportText.VIETNAMESE;

    public Chart(String title, String xLabel, String yLabel, double x0, double x1, double y0, double y1) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.x0 = x0;
        this.x1 = x1 == x0 ? x0 + 1 : x1;
        this.y0 = y0;
        this.y1 = y1 <= y0 ? y0 + 1 : y1;
    }

    /** A chart whose axis numbers follow {@code locale} (Vietnamese 1.234,5; English 1,234.5). */
    public static Chart in(Locale locale, String title, String xLabel, String yLabel, double x0, double x1, double y0,
                           double y1) {
        Chart c = new Chart(title, xLabel, yLabel, x0, x1, y0, y1);
        c.numbers = locale;
        return c;
    }

    private double px(double x) {
        return L + (x - x0) / (x1 - x0) * (W - L - R);
    }

    private double py(double y) {
        return H - B - (y - y0) / (y1 - y0) * (H - T - B);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    public Chart line(String name, String color, double[] xs, double[] ys, boolean dashed) {
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < xs.length; i++) {
            if (Double.isNaN(ys[i])) {
                continue;
            }
            pts.append(f(px(xs[i]))).append(',').append(f(py(ys[i]))).append(' ');
        }
        body.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\"")
                .append(dashed ? " stroke-dasharray=\"6 4\"" : "").append(" points=\"").append(pts).append("\"/>\n");
        legend.add(new String[] {name, color});
        return this;
    }

    public Chart points(String name, String color, double[] xs, double[] ys, double[] err) {
        for (int i = 0; i < xs.length; i++) {
            if (Double.isNaN(ys[i])) {
                continue;
            }
            double cx = px(xs[i]);
            if (err != null && err[i] > 0) {
                body.append("<line x1=\"").append(f(cx)).append("\" x2=\"").append(f(cx)).append("\" y1=\"")
                        .append(f(py(ys[i] - err[i]))).append("\" y2=\"").append(f(py(ys[i] + err[i])))
                        .append("\" stroke=\"").append(color).append("\" stroke-width=\"1.5\"/>\n");
            }
            body.append("<circle cx=\"").append(f(cx)).append("\" cy=\"").append(f(py(ys[i])))
                    .append("\" r=\"4\" fill=\"").append(color).append("\"/>\n");
        }
        legend.add(new String[] {name, color});
        return this;
    }

    public Chart band(String name, String color, double lo, double hi) {
        body.append("<rect x=\"").append(f(px(x0))).append("\" y=\"").append(f(py(hi))).append("\" width=\"")
                .append(f(px(x1) - px(x0))).append("\" height=\"").append(f(py(lo) - py(hi)))
                .append("\" fill=\"").append(color).append("\" fill-opacity=\"0.18\"/>\n");
        legend.add(new String[] {name, color});
        return this;
    }

    public Chart bars(String name, String color, double[] edges, double[] heights) {
        for (int i = 0; i < heights.length; i++) {
            double xa = px(edges[i]);
            double xb = px(edges[i + 1]);
            body.append("<rect x=\"").append(f(xa + 1)).append("\" y=\"").append(f(py(heights[i])))
                    .append("\" width=\"").append(f(Math.max(1, xb - xa - 2))).append("\" height=\"")
                    .append(f(py(y0) - py(heights[i]))).append("\" fill=\"").append(color).append("\"/>\n");
        }
        legend.add(new String[] {name, color});
        return this;
    }

    public String svg() {
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\">\n");
        s.append("<title>").append(Html.escape(title)).append("</title>\n");
        s.append("<text x=\"").append(W / 2).append("\" y=\"18\" text-anchor=\"middle\" font-size=\"13\">")
                .append(Html.escape(title)).append("</text>\n");
        for (double v : ticks(y0, y1)) {
            s.append("<line x1=\"").append(L).append("\" x2=\"").append(W - R).append("\" y1=\"").append(f(py(v)))
                    .append("\" y2=\"").append(f(py(v))).append("\" stroke=\"#ddd\"/>\n");
            s.append("<text x=\"").append(L - 6).append("\" y=\"").append(f(py(v) + 4))
                    .append("\" text-anchor=\"end\">").append(label(v)).append("</text>\n");
        }
        for (double v : ticks(x0, x1)) {
            s.append("<text x=\"").append(f(px(v))).append("\" y=\"").append(H - B + 16)
                    .append("\" text-anchor=\"middle\">").append(label(v)).append("</text>\n");
        }
        s.append("<line x1=\"").append(L).append("\" x2=\"").append(W - R).append("\" y1=\"").append(H - B)
                .append("\" y2=\"").append(H - B).append("\" stroke=\"#333\"/>\n");
        s.append("<line x1=\"").append(L).append("\" x2=\"").append(L).append("\" y1=\"").append(T)
                .append("\" y2=\"").append(H - B).append("\" stroke=\"#333\"/>\n");
        s.append("<text x=\"").append((W + L - R) / 2).append("\" y=\"").append(H - 8)
                .append("\" text-anchor=\"middle\">").append(Html.escape(xLabel)).append("</text>\n");
        s.append("<text transform=\"rotate(-90)\" x=\"").append(-(H - B + T) / 2).append("\" y=\"14\" ")
                .append("text-anchor=\"middle\">").append(Html.escape(yLabel)).append("</text>\n");
        s.append(body);
        int ly = T + 6;
        for (String[] e : legend) {
            s.append("<rect x=\"").append(W - R - 190).append("\" y=\"").append(ly - 8)
                    .append("\" width=\"10\" height=\"10\" fill=\"").append(e[1]).append("\"/>")
                    .append("<text x=\"").append(W - R - 175).append("\" y=\"").append(ly + 1).append("\">")
                    .append(Html.escape(e[0])).append("</text>\n");
            ly += 15;
        }
        s.append("</svg>\n");
        return s.toString();
    }

    /** An axis number as readers write it: grouping and decimal mark of the report's language, no trailing zeros. */
    String label(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9) {
            return String.format(numbers, "%,d", Math.round(v));
        }
        return String.format(numbers, "%,.2f", v).replaceAll("0+$", "");
    }

    static List<Double> ticks(double lo, double hi) {
        double range = hi - lo;
        double raw = range / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag >= 5 ? 5 * mag : raw / mag >= 2 ? 2 * mag : mag;
        List<Double> out = new ArrayList<>();
        for (double v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
            out.add(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return out;
    }
}
