package vn.bluezone.bench.simulator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import vn.bluezone.bench.CpuClock;
import vn.bluezone.simulator.ProgressListener;
import vn.bluezone.simulator.RunResult;
import vn.bluezone.simulator.Simulation;
import vn.bluezone.simulator.SimulationConfig;
import vn.bluezone.simulator.population.Population;
import vn.bluezone.simulator.population.PopulationBuilder;

/**
 * Load generator for engines mode (issue #7: "a day of 10,000 people with real device engines in under 10
 * seconds"): wall and CPU seconds per simulated day with one real device engine per app user against the real
 * key server in this process, and, in the same run on the same population and seed, the contact-model mode as
 * the baseline. Timing starts when the server is up and every phone is built (server start-up excluded); day 0
 * also includes the JIT's warm-up and the contact statistics, so it is reported apart from days 1..N-1. CPU is the
 * whole process's (simulation thread, the server's request threads, GC, JIT): the server shares the process.
 * After each day a full GC measures the heap in use (outside the timed span), so that memory over days shows.
 *
 * <p>Run: {@code java -cp ... vn.bluezone.bench.simulator.EnginesDayBench [people] [days] [storage]}
 * (default 10,000 people, 6 days, storage {@code memory}; {@code sqlite} for SQLite phone databases).
 */
public final class EnginesDayBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private EnginesDayBench() {
    }

    /** One day's cost: wall, process CPU and simulation-thread CPU seconds, heap in use after the day (MB). */
    record Day(double wall, double cpu, double threadCpu, long heapMb, long checks, int uploads) {
    }

    record Run(String mode, RunResult result, Day[] days) {
        double laterWall() {
            return mean(1, Day::wall);
        }

        double laterCpu() {
            return mean(1, Day::cpu);
        }

        private double mean(int from, java.util.function.ToDoubleFunction<Day> f) {
            double s = 0;
            for (int d = from; d < days.length; d++) {
                s += f.applyAsDouble(days[d]);
            }
            return days.length > from ? s / (days.length - from) : Double.NaN;
        }
    }

    /** Times each day between {@link Simulation.Observer#daysBegin} and the ends of days, GC excluded. */
    private static final class DayTimer implements Simulation.Observer {
        final Day[] days;
        final Simulation sim;
        long wall0;
        long cpu0;
        long thread0;
        long checks0;
        int uploads0;

        DayTimer(int days, Simulation sim) {
            this.days = new Day[days];
            this.sim = sim;
        }

        @Override
        public void start(boolean[] appUsers) {
        }

        @Override
        public void daysBegin() {
            mark();
        }

        @Override
        public void dayEnded(int day) {
            long wall = System.nanoTime();
            long cpu = CpuClock.processCpuNanos();
            long thread = THREADS.getCurrentThreadCpuTime();
            System.gc();
            Runtime rt = Runtime.getRuntime();
            long heap = (rt.totalMemory() - rt.freeMemory()) >> 20;
            days[day] = new Day((wall - wall0) / 1e9, (cpu - cpu0) / 1e9, (thread - thread0) / 1e9, heap,
                    sim.exposureChecks() - checks0, sim.uploads() - uploads0);
            checks0 = sim.exposureChecks();
            uploads0 = sim.uploads();
            mark();
        }

        private void mark() {
            wall0 = System.nanoTime();
            cpu0 = CpuClock.processCpuNanos();
            thread0 = THREADS.getCurrentThreadCpuTime();
        }
    }

    static Run measure(SimulationConfig c, Population pop) {
        Simulation sim = new Simulation(c, pop);
        DayTimer timer = new DayTimer(c.days, sim);
        RunResult r = sim.observe(timer).run(c.mode.name(), ProgressListener.NONE);
        return new Run(c.mode == SimulationConfig.Mode.ENGINES ? "engines" : "contacts", r, timer.days);
    }

    static SimulationConfig config(int people, int days, SimulationConfig.Mode mode) {
        SimulationConfig c = new SimulationConfig();
        c.commune = 19873;
        c.population = people;
        c.days = days;
        c.adoption = 0.4;
        c.seed = 1;
        c.mode = mode;
        return c;
    }

    public static void main(String[] args) {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        String storage = args.length > 2 ? args[2] : "memory";
        double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        SimulationConfig engines = config(people, days, SimulationConfig.Mode.ENGINES);
        engines.phoneStorage = SimulationConfig.PhoneStorage.valueOf(storage.toUpperCase(Locale.ROOT));
        SimulationConfig contacts = config(people, days, SimulationConfig.Mode.CONTACTS);
        Population pop = new PopulationBuilder(contacts.populationParameters).build(people, contacts.seed);
        // JIT warm-up of both modes, engines with early uploads so that the exposure checks' code is compiled too
        // (a cold JVM pays several CPU seconds of compilation on the first day with checks).
        measure(config(people, 2, SimulationConfig.Mode.CONTACTS), pop);
        SimulationConfig warm = config(2_000, 10, SimulationConfig.Mode.ENGINES);
        warm.adoption = 0.8;
        warm.seedInfections = 40;
        warm.phoneStorage = engines.phoneStorage;
        Run w = measure(warm, new PopulationBuilder(warm.populationParameters).build(warm.population, warm.seed));
        System.out.printf(Locale.ROOT, "warm-up: engines mode, 2,000 people, 10 days, %d uploads, %,d exposure checks%n",
                w.result().uploadsConfirmed + w.result().uploadsRecursive, w.result().exposureChecks);
        Run base = measure(contacts, pop);
        Run eng = measure(engines, pop);
        double load1 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        for (Run run : new Run[] {base, eng}) {
            RunResult r = run.result();
            System.out.printf(Locale.ROOT, "%s: %,d people, %,d app users (phones), %d uploads, %d export files, "
                    + "%,d exposure checks, %d warned F1%n", run.mode(), r.population, r.appUsers,
                    r.uploadsConfirmed + r.uploadsRecursive, r.exportFiles, r.exposureChecks, r.warnedF1);
            for (int d = 0; d < run.days().length; d++) {
                Day x = run.days()[d];
                System.out.printf(Locale.ROOT, "  day %2d: wall %6.2f s, CPU %6.2f s (simulation thread %6.2f s), "
                        + "heap after GC %,4d MB, %2d uploads, %,6d exposure checks%n", d, x.wall(), x.cpu(),
                        x.threadCpu(), x.heapMb(), x.uploads(), x.checks());
            }
        }
        System.out.printf(Locale.ROOT, "days 1..%d, mean per day: engines (%s storage) wall %.2f s, CPU %.2f s; "
                        + "contacts wall %.2f s, CPU %.2f s; ratio engines/contacts wall %.1fx, CPU %.1fx%n", days - 1,
                storage, eng.laterWall(), eng.laterCpu(), base.laterWall(), base.laterCpu(),
                eng.laterWall() / base.laterWall(), eng.laterCpu() / base.laterCpu());
        System.out.printf(Locale.ROOT, "day 0: engines wall %.2f s, CPU %.2f s; contacts wall %.2f s, CPU %.2f s%n",
                eng.days()[0].wall(), eng.days()[0].cpu(), base.days()[0].wall(), base.days()[0].cpu());
        System.out.printf(Locale.ROOT, "load average %.2f at start, %.2f at end; %d processors%n", load0, load1,
                Runtime.getRuntime().availableProcessors());
    }
}
