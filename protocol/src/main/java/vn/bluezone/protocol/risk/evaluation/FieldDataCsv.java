package vn.bluezone.protocol.risk.evaluation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a field test's CSV (UTF-8, comma-separated, '#' lines are comments), in one of two layouts chosen by the
 * header:
 * <ul>
 * <li>histogram: {@code pair_id,environment,distance_m,duration_s,} then attenuation buckets in seconds, named
 *     {@code att_lt_X}, {@code att_X_Y} (X ≤ attenuation &lt; Y dB) and {@code att_ge_X}, contiguous and
 *     increasing; one row per exposure;</li>
 * <li>raw scans: {@code pair_id,distance_m,time_s,attenuation_db}; one row per scan; the scans of one pair at one
 *     distance, in increasing time, make one exposure. Each scan stands for the time since the previous one,
 *     capped at 300 s (as the risk module scores scans); the first stands for the median gap (300 s when alone).</li>
 * </ul>
 * Every problem is a {@link FieldDataException} naming the line (the header's line is 1 when no comment precedes).
 */
public final class FieldDataCsv {
    public static final int MAX_LINES = 1_000_000;
    static final double MAX_SCAN_SECONDS = 300;
    private static final List<String> RAW = List.of("pair_id", "distance_m", "time_s", "attenuation_db");
    private static final List<String> FIXED = List.of("pair_id", "environment", "distance_m", "duration_s");
    private static final Pattern BUCKET = Pattern.compile(
            "att_(?:lt_(?<lt>\\d+(?:\\.\\d+)?)|ge_(?<ge>\\d+(?:\\.\\d+)?)|(?<lo>\\d+(?:\\.\\d+)?)_(?<hi>\\d+(?:\\.\\d+)?))");

    private FieldDataCsv() {
    }

    public static List<FieldExposure> read(Reader in) throws IOException {
        BufferedReader r = new BufferedReader(in);
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        String[] header = null;
        int headerLine = 0;
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (n > MAX_LINES) {
                throw new FieldDataException(n, "more than " + MAX_LINES + " lines");
            }
            if (n == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split(",", -1);
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i].strip();
            }
            if (header == null) {
                header = f;
                headerLine = n;
            } else {
                rows.add(f);
                lineNumbers.add(n);
            }
        }
        if (header == null) {
            throw new FieldDataException(0, "the file is empty (expected a header line)");
        }
        List<FieldExposure> out = Arrays.asList(header).equals(RAW)
                ? raw(rows, lineNumbers) : histograms(header, headerLine, rows, lineNumbers);
        if (out.isEmpty()) {
            throw new FieldDataException(0, "no data rows after the header");
        }
        return out;
    }

    private static List<FieldExposure> histograms(String[] header, int headerLine, List<String[]> rows,
                                                  List<Integer> lines) {
        if (header.length < 5 || !Arrays.asList(header).subList(0, 4).equals(FIXED)) {
            throw new FieldDataException(headerLine, "expected the header pair_id,environment,distance_m,duration_s"
                    + " followed by attenuation buckets (att_lt_X, att_X_Y, att_ge_X), or pair_id,distance_m,"
                    + "time_s,attenuation_db for raw scans");
        }
        int k = header.length - 4;
        double[] lo = new double[k];
        double[] hi = new double[k];
        for (int i = 0; i < k; i++) {
            String name = header[4 + i];
            Matcher m = BUCKET.matcher(name);
            if (!m.matches()) {
                throw new FieldDataException(headerLine, "column " + (5 + i) + " '" + name
                        + "' is not an attenuation bucket (att_lt_X, att_X_Y or att_ge_X)");
            }
            if (m.group("lt") != null) {
                lo[i] = Double.NEGATIVE_INFINITY;
                hi[i] = Double.parseDouble(m.group("lt"));
            } else if (m.group("ge") != null) {
                lo[i] = Double.parseDouble(m.group("ge"));
                hi[i] = Double.POSITIVE_INFINITY;
            } else {
                lo[i] = Double.parseDouble(m.group("lo"));
                hi[i] = Double.parseDouble(m.group("hi"));
            }
            if (!(hi[i] > lo[i])) {
                throw new FieldDataException(headerLine, "bucket '" + name + "' is empty or reversed");
            }
            if (i > 0 && lo[i] != hi[i - 1]) {
                throw new FieldDataException(headerLine, "bucket '" + name + "' does not start where '"
                        + header[3 + i] + "' ends; buckets must be contiguous and increasing");
            }
        }
        List<FieldExposure> out = new ArrayList<>();
        for (int j = 0; j < rows.size(); j++) {
            String[] f = rows.get(j);
            int ln = lines.get(j);
            columns(f, header.length, ln);
            String pair = pairId(f[0], ln);
            double d = distance(f[2], ln);
            double dur = number(f[3], "duration_s", ln, 0, 366 * 86400.0);
            double[] s = new double[k];
            for (int i = 0; i < k; i++) {
                s[i] = number(f[4 + i], header[4 + i], ln, 0, 366 * 86400.0);
            }
            out.add(new FieldExposure(pair, f[1], d, dur, new AttenuationHistogram(lo, hi, s), ln));
        }
        return out;
    }

    private record Scan(double time, double att, int line) {
    }

    private static List<FieldExposure> raw(List<String[]> rows, List<Integer> lines) {
        Map<String, List<Scan>> groups = new LinkedHashMap<>();
        Map<String, String> pairOf = new LinkedHashMap<>();
        Map<String, Double> distanceOf = new LinkedHashMap<>();
        for (int j = 0; j < rows.size(); j++) {
            String[] f = rows.get(j);
            int ln = lines.get(j);
            columns(f, 4, ln);
            String pair = pairId(f[0], ln);
            double d = distance(f[1], ln);
            double t = number(f[2], "time_s", ln, 0, 1e10);
            double a = number(f[3], "attenuation_db", ln, 0, 255);
            String key = pair + "\u0000" + d;
            List<Scan> g = groups.computeIfAbsent(key, x -> new ArrayList<>());
            if (!g.isEmpty() && t <= g.get(g.size() - 1).time()) {
                throw new FieldDataException(ln, "time_s " + f[2] + " is not after the previous scan of pair '"
                        + pair + "' at " + f[1] + " m (line " + g.get(g.size() - 1).line() + ")");
            }
            g.add(new Scan(t, a, ln));
            pairOf.put(key, pair);
            distanceOf.put(key, d);
        }
        List<FieldExposure> out = new ArrayList<>();
        for (Map.Entry<String, List<Scan>> e : groups.entrySet()) {
            List<Scan> g = e.getValue();
            double[] gaps = new double[Math.max(0, g.size() - 1)];
            for (int i = 1; i < g.size(); i++) {
                gaps[i - 1] = Math.min(MAX_SCAN_SECONDS, g.get(i).time() - g.get(i - 1).time());
            }
            double first = MAX_SCAN_SECONDS;
            if (gaps.length > 0) {
                double[] sorted = gaps.clone();
                Arrays.sort(sorted);
                first = sorted[sorted.length / 2];
            }
            double[] att = new double[g.size()];
            double[] sec = new double[g.size()];
            for (int i = 0; i < g.size(); i++) {
                att[i] = g.get(i).att();
                sec[i] = i == 0 ? first : gaps[i - 1];
            }
            double duration = Arrays.stream(sec).sum();
            out.add(new FieldExposure(pairOf.get(e.getKey()), "", distanceOf.get(e.getKey()), duration,
                    new AttenuationHistogram(att, att, sec), g.get(0).line()));
        }
        return out;
    }

    private static void columns(String[] f, int expected, int line) {
        if (f.length != expected) {
            throw new FieldDataException(line, "expected " + expected + " fields, found " + f.length);
        }
    }

    private static String pairId(String s, int line) {
        if (s.isEmpty() || s.length() > 100) {
            throw new FieldDataException(line, "pair_id must be 1..100 characters");
        }
        return s;
    }

    private static double distance(String s, int line) {
        double d = number(s, "distance_m", line, 0, 1000);
        if (!(d > 0)) {
            throw new FieldDataException(line, "distance_m must be above 0, was " + s);
        }
        return d;
    }

    private static double number(String s, String column, int line, double min, double max) {
        double v;
        try {
            if (!s.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
                throw new NumberFormatException();
            }
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new FieldDataException(line, column + " must be a number (dot as decimal mark), was '"
                    + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'");
        }
        if (v < min || v > max) {
            throw new FieldDataException(line, column + " must be in " + fmt(min) + ".." + fmt(max) + ", was " + s);
        }
        return v;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
