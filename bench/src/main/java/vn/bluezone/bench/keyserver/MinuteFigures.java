package vn.bluezone.bench.keyserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A timed phase minute by minute: requests completed in each minute, failures, rate, p50 and p99 latency and the
 * machine's load average at the minute's end, so a slowdown over a long run (a growing table, a full disk cache,
 * GC) shows instead of disappearing in the total. Requests are put in the minute they completed in.
 */
final class MinuteFigures {
    static final long MINUTE_MILLIS = 60_000;

    /** One minute of a phase; the last may be shorter ({@code seconds} < 60). */
    record Minute(int index, int requests, int failures, double seconds, long p50Micros, long p99Micros, double load) {
        double perSecond() {
            return seconds > 0 ? requests / seconds : 0;
        }

        String line() {
            return String.format(Locale.ROOT, "  minute %2d  %7d requests %5d failed %8.1f/s  p50 %6.1f ms  p99 %6.1f ms%s",
                    index + 1, requests, failures, perSecond(), p50Micros / 1000.0, p99Micros / 1000.0,
                    Double.isNaN(load) ? "" : String.format(Locale.ROOT, "  load %.1f", load));
        }
    }

    private MinuteFigures() {
    }

    /**
     * @param endMillis     per request, when it completed, in ms since the phase started
     * @param latencyMicros per request, its latency
     * @param failed        per request, whether it failed
     * @param n             requests completed (the first n entries are used)
     * @param phaseMillis   length of the phase
     * @param loads         load average sampled at the end of minute i (NaN where unknown); may be shorter
     */
    static List<Minute> of(int[] endMillis, long[] latencyMicros, boolean[] failed, int n, long phaseMillis,
                           double[] loads) {
        // Less than a second after the last whole minute (the last answers of a 600 s run) joins that minute.
        long tail = phaseMillis % MINUTE_MILLIS;
        int minutes = (int) Math.max(1, phaseMillis / MINUTE_MILLIS + (tail >= 1000 ? 1 : 0));
        int[] counts = new int[minutes];
        for (int i = 0; i < n; i++) {
            counts[minuteOf(endMillis[i], minutes)]++;
        }
        long[][] lat = new long[minutes][];
        for (int m = 0; m < minutes; m++) {
            lat[m] = new long[counts[m]];
        }
        int[] fill = new int[minutes];
        int[] failures = new int[minutes];
        for (int i = 0; i < n; i++) {
            int m = minuteOf(endMillis[i], minutes);
            lat[m][fill[m]++] = latencyMicros[i];
            if (failed[i]) {
                failures[m]++;
            }
        }
        List<Minute> out = new ArrayList<>(minutes);
        for (int m = 0; m < minutes; m++) {
            Arrays.sort(lat[m]);
            double seconds = (m == minutes - 1 ? phaseMillis - m * MINUTE_MILLIS : MINUTE_MILLIS) / 1000.0;
            double load = m < loads.length ? loads[m] : Double.NaN;
            out.add(new Minute(m, counts[m], failures[m], seconds, UploadLoad.percentile(lat[m], 0.50),
                    UploadLoad.percentile(lat[m], 0.99), load));
        }
        return out;
    }

    private static int minuteOf(int endMillis, int minutes) {
        return (int) Math.min(minutes - 1, Math.max(0, endMillis / MINUTE_MILLIS));
    }

    /** The 1-minute load average from {@code /proc/loadavg}, or NaN off Linux. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
