package vn.bluezone.bench.simulator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import vn.bluezone.simulator.ProgressListener;
import vn.bluezone.simulator.RunResult;
import vn.bluezone.simulator.Simulation;
import vn.bluezone.simulator.SimulationConfig;

/**
 * Load generator for the contact-model mode: CPU seconds per simulated day for a commune of N people, against a
 * baseline of 10,000 people measured in the same run (the simulation is single-threaded, so the thread's CPU time
 * is what a core spends, whatever the neighbours' load). Day 0 also computes contact statistics, the CSV sample
 * and the noise curve, so it is reported apart from the ordinary days.
 *
 * <p>Run: {@code java -cp ... vn.bluezone.bench.simulator.SimulatorScaleBench [people] [days]}
 * (default 1,000,000 people, 3 days).
 */
public final class SimulatorScaleBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SimulatorScaleBench() {
    }

    /** CPU seconds of day 0 and the mean of later days, and the peak heap in use. */
    record Figures(int people, double buildCpu, double day0Cpu, double laterDayCpu, long heapMb, int appUsers) {
        double perMillionPersonDays() {
            return laterDayCpu / people * 1e6;
        }
    }

    static Figures measure(int people, int days) {
        SimulationConfig c = new SimulationConfig();
        c.population = people;
        c.days = days;
        c.adoption = 0.4;
        c.seed = 1;
        long t0 = THREADS.getCurrentThreadCpuTime();
        Simulation sim = new Simulation(c);
        double build = (THREADS.getCurrentThreadCpuTime() - t0) / 1e9;
        double[] dayEnd = new double[days + 1];
        long[] heap = new long[1];
        long start = THREADS.getCurrentThreadCpuTime();
        RunResult r = sim.run("bench", (label, day, total, pd, el) -> {
            dayEnd[day] = (THREADS.getCurrentThreadCpuTime() - start) / 1e9;
            Runtime rt = Runtime.getRuntime();
            heap[0] = Math.max(heap[0], (rt.totalMemory() - rt.freeMemory()) >> 20);
        });
        double later = days > 1 ? (dayEnd[days] - dayEnd[1]) / (days - 1) : Double.NaN;
        return new Figures(people, build, dayEnd[1], later, heap[0], r.appUsers);
    }

    public static void main(String[] args) {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        measure(10_000, 3); // warm-up
        Figures base = measure(10_000, Math.max(days, 5));
        Figures big = measure(people, days);
        for (Figures f : new Figures[] {base, big}) {
            System.out.printf(Locale.ROOT, "%,d people (%,d app users): build %.2f s, day 0 %.2f s, later days %.2f s "
                    + "CPU each (%.2f s per million person-days), heap up to %,d MB%n", f.people(), f.appUsers(),
                    f.buildCpu(), f.day0Cpu(), f.laterDayCpu(), f.perMillionPersonDays(), f.heapMb());
        }
        System.out.printf(Locale.ROOT, "cost per person-day at %,d people / at 10,000: %.2fx%n", people,
                big.perMillionPersonDays() / base.perMillionPersonDays());
    }
}
