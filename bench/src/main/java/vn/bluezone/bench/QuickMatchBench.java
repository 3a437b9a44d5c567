package vn.bluezone.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import vn.bluezone.protocol.matching.ExposureMatcher;
import vn.bluezone.protocol.matching.KeyMatch;
import vn.bluezone.protocol.matching.ObservedRpiTable;

/**
 * A quick, non-JMH comparison for {@code bluezone bench match}: warm up, then time whole passes of each matcher
 * over the same workload, alternately, until the time budget is spent. Good for a look; the figures of record come
 * from {@link MatchBenchmark} (see bench/README.md).
 *
 * <p>Per-core rates are RPIs per CPU-second of the process (when the JVM can tell; see {@link CpuClock}), which is what
 * "per core" means and does not count time spent waiting for a core on a shared machine. The all-cores total is per
 * wall-clock second.
 */
public final class QuickMatchBench {

    /**
     * @param optimized optimized matcher on one thread, RPIs per second
     * @param baseline baseline matcher on one thread, RPIs per second
     * @param allCores optimized matcher on every core, RPIs per second in total
     */
    public record Result(int keys, int observed, int cores, int matchedKeys, double optimized, double baseline,
                         double allCores) {
        public double ratio() {
            return baseline > 0 ? optimized / baseline : Double.POSITIVE_INFINITY;
        }

        /** The summary line, e.g. {@code optimized 31.2M RPIs/s/core, baseline 6.1M RPIs/s/core, ratio 5.1x}. */
        public String summary() {
            return String.format(Locale.ROOT, "optimized %sM RPIs/s/core, baseline %sM RPIs/s/core, ratio %.1fx",
                    millions(optimized), millions(baseline), ratio());
        }
    }

    private QuickMatchBench() {
    }

    /** Runs the comparison, printing progress lines to {@code out} (the caller prints the summary). */
    public static Result run(int keys, int observed, double seconds, PrintWriter out) {
        int cores = Runtime.getRuntime().availableProcessors();
        MatchWorkload w = MatchWorkload.generate(keys, observed, 20210701L);
        long rpis = w.rpiCount();
        out.printf(Locale.ROOT, "workload: %,d keys (%,d RPIs) against %,d observed RPIs; %d cores; Java %s%n",
                keys, rpis, observed, cores, System.getProperty("java.version"));
        out.flush();
        ExposureMatcher matcher = new ExposureMatcher(ObservedRpiTable.of(w.sightings()));
        BaselineMatcher baseline = new BaselineMatcher(w.sightings());

        List<KeyMatch> fast = matcher.match(w.keys());
        if (!fast.equals(baseline.match(w.keys())) || !fast.equals(matcher.matchParallel(w.keys()))) {
            throw new IllegalStateException("the matchers disagree; not timing them");
        }
        out.printf(Locale.ROOT, "matches: %d keys, %d sightings (optimized, baseline and all-cores agree)%n",
                fast.size(), fast.stream().mapToInt(m -> m.sightings().size()).sum());
        out.flush();

        long budget = Math.max(1, (long) (seconds * 1e9));
        rate(() -> matcher.match(w.keys()), rpis, budget / 2); // warm-up: JIT and caches
        rate(() -> baseline.match(w.keys()), rpis, budget / 2);
        double opt = 0;
        double base = 0;
        for (int round = 0; round < 2; round++) { // alternate, so that noise from neighbours hits both alike
            opt += rate(() -> matcher.match(w.keys()), rpis, budget / 2) / 2;
            base += rate(() -> baseline.match(w.keys()), rpis, budget / 2) / 2;
        }
        double all = wallRate(() -> matcher.matchParallel(w.keys()), rpis, budget / 2);
        double allPerCore = rate(() -> matcher.matchParallel(w.keys()), rpis, budget / 4);
        out.printf(Locale.ROOT, "optimized on all %d cores: %sM RPIs/s in total (wall clock), %sM RPIs/s/core%n",
                cores, millions(all), millions(allPerCore));
        out.printf(Locale.ROOT, "per-core rates are RPIs per %s second%n",
                CpuClock.available() ? "process CPU" : "wall-clock");
        return new Result(keys, observed, cores, fast.size(), opt, base, all);
    }

    /** Whole passes until {@code nanos} of wall-clock time have passed (at least one); RPIs per process-CPU second. */
    private static double rate(Supplier<List<KeyMatch>> pass, long rpisPerPass, long nanos) {
        if (!CpuClock.available()) {
            return wallRate(pass, rpisPerPass, nanos);
        }
        long wallStart = System.nanoTime();
        long cpuStart = CpuClock.processCpuNanos();
        long passes = 0;
        int sink = 0;
        do {
            sink += pass.get().size();
            passes++;
        } while (System.nanoTime() - wallStart < nanos);
        long cpu = Math.max(1, CpuClock.processCpuNanos() - cpuStart);
        keep(sink);
        return rpisPerPass * passes / (cpu / 1e9);
    }

    /** Whole passes until {@code nanos} have passed (at least one); RPIs per wall-clock second. */
    private static double wallRate(Supplier<List<KeyMatch>> pass, long rpisPerPass, long nanos) {
        long start = System.nanoTime();
        long passes = 0;
        long elapsed;
        int sink = 0;
        do {
            sink += pass.get().size();
            passes++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < nanos);
        keep(sink);
        return rpisPerPass * passes / (Math.max(1, elapsed) / 1e9);
    }

    private static void keep(int sink) {
        if (sink < 0) {
            throw new AssertionError(); // uses the results so that no pass can be optimized away
        }
    }

    static String millions(double perSecond) {
        return String.format(Locale.ROOT, "%.1f", perSecond / 1e6);
    }
}
