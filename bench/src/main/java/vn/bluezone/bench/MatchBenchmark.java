package vn.bluezone.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import vn.bluezone.protocol.matching.ExposureMatcher;
import vn.bluezone.protocol.matching.KeyMatch;
import vn.bluezone.protocol.matching.ObservedRpiTable;

/**
 * RPIs per second for 100,000 diagnosis keys (14.4 million RPIs per operation) against 20,000 and 200,000 observed
 * RPIs. JMH's score is RPIs/s: each invocation counts as {@link #RPIS} operations.
 * <ul>
 *   <li>{@code optimized}: {@link ExposureMatcher#match} on one thread = RPIs/s per core.</li>
 *   <li>{@code baseline}: {@link BaselineMatcher} on one thread, same data, same run.</li>
 *   <li>{@code optimizedAllCores}: {@link ExposureMatcher#matchParallel}; divide by the core count for per core.</li>
 * </ul>
 * Besides the wall-clock score, each benchmark reports two counters, {@code rpis} and {@code cpuMicros} (process CPU
 * time spent in the invocations: matcher, GC and JIT threads); rpis / cpuMicros is RPIs per CPU-microsecond, which
 * the load of other processes on a shared machine does not stretch. {@code bench/report.py} prints both rates.
 *
 * <p>Defaults are short (the project's machine has 2 shared cores); override on the command line, e.g.
 * {@code -f 2 -wi 3 -i 5}. See bench/README.md for how to run it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class MatchBenchmark {

    public static final int KEYS = 100_000;
    public static final int RPIS = KEYS * 144;

    @Param({"20000", "200000"})
    public int observed;

    private MatchWorkload workload;
    private ExposureMatcher matcher;
    private BaselineMatcher baseline;

    @Setup
    public void setUp() {
        workload = MatchWorkload.generate(KEYS, observed, 20210701L + observed);
        if (workload.rpiCount() != RPIS) {
            throw new IllegalStateException("workload must have " + RPIS + " RPIs, has " + workload.rpiCount());
        }
        matcher = new ExposureMatcher(ObservedRpiTable.of(workload.sightings()));
        baseline = new BaselineMatcher(workload.sightings());
        // Refuse to time programs that disagree or find nothing.
        List<KeyMatch> a = matcher.match(workload.keys());
        if (a.size() != workload.plantedKeys() || !a.equals(baseline.match(workload.keys()))) {
            throw new IllegalStateException("optimized and baseline matchers disagree");
        }
    }

    @Benchmark
    @OperationsPerInvocation(RPIS)
    public List<KeyMatch> optimized(Cpu cpu) {
        long t = cpu.start();
        List<KeyMatch> r = matcher.match(workload.keys());
        cpu.stop(t);
        return r;
    }

    @Benchmark
    @OperationsPerInvocation(RPIS)
    public List<KeyMatch> baseline(Cpu cpu) {
        long t = cpu.start();
        List<KeyMatch> r = baseline.match(workload.keys());
        cpu.stop(t);
        return r;
    }

    @Benchmark
    @OperationsPerInvocation(RPIS)
    public List<KeyMatch> optimizedAllCores(Cpu cpu) {
        long t = cpu.start();
        List<KeyMatch> r = matcher.matchParallel(workload.keys());
        cpu.stop(t);
        return r;
    }

    /** Per-iteration totals of RPIs and process CPU time; read together they give RPIs per CPU-second. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Cpu {
        public long rpis;
        public long cpuMicros;

        @Setup(Level.Iteration)
        public void clear() {
            rpis = 0;
            cpuMicros = 0;
        }

        long start() {
            return CpuClock.processCpuNanos();
        }

        void stop(long start) {
            cpuMicros += (CpuClock.processCpuNanos() - start) / 1000;
            rpis += RPIS;
        }
    }
}
