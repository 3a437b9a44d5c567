package vn.bluezone.simulator.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.bluezone.simulator.RunResult;
import vn.bluezone.simulator.day.EpisodeSample;
import vn.bluezone.simulator.day.PlaceKind;
import vn.bluezone.simulator.day.Ticks;

/**
 * contacts-sample.csv: a sample of day 0's contact episodes (a, b, start, duration, distance over time). Segments
 * of one pair at one place that follow each other are joined into one episode; distances are listed per 5-minute
 * scan. Person ids are simulation indexes (no names, no locations beyond a place's own floor plan).
 */
public final class ContactsCsv {
    public static final String HEADER = "day,place_kind,place_id,person_a,person_b,app_a,app_b,start_minute,"
            + "duration_minutes,min_distance_m,close_minutes,detected_minutes,distances_m";

    /** RFC 4180 as spreadsheets read it, with '\n' line ends (Apache Commons CSV quotes what needs quoting). */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n')
            .setHeader(HEADER.split(",")).get();

    private ContactsCsv() {
    }

    public static String render(RunResult r) {
        EpisodeSample s = sorted(r.sample);
        StringBuilder text = new StringBuilder();
        try (CSVPrinter out = new CSVPrinter(text, FORMAT)) {
            rows(out, r, s);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return text.toString();
    }

    private static void rows(CSVPrinter out, RunResult r, EpisodeSample s) throws IOException {
        int i = 0;
        int n = s.size();
        while (i < n) {
            int j = i;
            int end = s.tick.get(i) + 32 - Integer.numberOfLeadingZeros(s.bits.get(i));
            while (j + 1 < n && s.kind.get(j + 1) == s.kind.get(i) && s.place.get(j + 1) == s.place.get(i)
                    && s.a.get(j + 1) == s.a.get(i) && s.b.get(j + 1) == s.b.get(i)
                    && s.tick.get(j + 1) <= end + 1) {
                j++;
                end = s.tick.get(j) + 32 - Integer.numberOfLeadingZeros(s.bits.get(j));
            }
            episode(out, r, s, i, j);
            i = j + 1;
        }
    }

    /** Rows come in processing order (segment by segment); episodes need each pair's rows together. */
    private static EpisodeSample sorted(EpisodeSample in) {
        Integer[] idx = new Integer[in.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, java.util.Comparator.<Integer>comparingInt(in.kind::get)
                .thenComparingInt(in.place::get).thenComparingInt(in.a::get).thenComparingInt(in.b::get)
                .thenComparingInt(in.tick::get));
        EpisodeSample out = new EpisodeSample(Integer.MAX_VALUE);
        for (int i : idx) {
            out.add(in.kind.get(i), in.place.get(i), in.a.get(i), in.b.get(i), in.tick.get(i), in.bits.get(i),
                    in.nearBits.get(i), in.distanceCm.get(i) / 100f);
        }
        return out;
    }

    private static void episode(CSVPrinter out, RunResult r, EpisodeSample s, int from, int to) throws IOException {
        int a = s.a.get(from);
        int b = s.b.get(from);
        int start = -1;
        int last = -1;
        int close = 0;
        int near = 0;
        float min = Float.MAX_VALUE;
        StringBuilder dists = new StringBuilder();
        for (int k = from; k <= to; k++) {
            int bits = s.bits.get(k);
            float d = s.distanceCm.get(k) / 100f;
            for (int t = 0; t < 32; t++) {
                if ((bits & (1 << t)) == 0) {
                    continue;
                }
                int tick = s.tick.get(k) + t;
                if (start < 0) {
                    start = tick;
                }
                last = tick;
                if (d <= 2.0f) {
                    close++;
                }
                if ((s.nearBits.get(k) & (1 << t)) != 0) {
                    near++;
                }
                min = Math.min(min, d);
                if (dists.length() > 0) {
                    dists.append(';');
                }
                dists.append(String.format(Locale.ROOT, "%.2f", d));
            }
        }
        out.printRecord(0, PlaceKind.of(s.kind.get(from)).label(), s.place.get(from), a, b,
                r.appUser[a] ? 1 : 0, r.appUser[b] ? 1 : 0, start * Ticks.MINUTES, (last - start + 1) * Ticks.MINUTES,
                String.format(Locale.ROOT, "%.2f", min), close * Ticks.MINUTES, near * Ticks.MINUTES, dists);
    }
}
