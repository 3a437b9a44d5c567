package vn.bluezone.simulator;

import vn.bluezone.simulator.population.Population;
import vn.bluezone.simulator.population.PopulationBuilder;
import vn.bluezone.simulator.util.Stats;

/**
 * Check-ins next to Bluetooth alone, at the same seeds: for each seed the same commune runs twice with the app,
 * once with nobody checking in (Bluetooth alone) and once with the given share of app users checking in, with
 * the same natural histories and draws (common random numbers), so the differences are the check-ins' doing.
 * Shared-air transmission is on in both. Per seed: infections detected (infected people warned after their
 * infection) and infections; "added to detection" and "averted" are their differences, with 95 % t-intervals.
 */
public final class CheckinComparison {
    public final double share;
    public final long[] seeds;
    public final int[] infectionsBluetooth;
    public final int[] infectionsCheckins;
    public final int[] detectedBluetooth;
    public final int[] detectedCheckins;
    /** People first warned by a check-in (Bluetooth had not warned them), with check-ins. */
    public final int[] checkinFirstWarned;
    public final int[] checkinUsers;
    public final int[] sharedAirInfectionsBluetooth;
    public final double[] elapsedSeconds;

    private CheckinComparison(double share, long[] seeds) {
        int k = seeds.length;
        this.share = share;
        this.seeds = seeds;
        infectionsBluetooth = new int[k];
        infectionsCheckins = new int[k];
        detectedBluetooth = new int[k];
        detectedCheckins = new int[k];
        checkinFirstWarned = new int[k];
        checkinUsers = new int[k];
        sharedAirInfectionsBluetooth = new int[k];
        elapsedSeconds = new double[k];
    }

    /** Seeds {@code base.seed} .. {@code base.seed + seedCount - 1}; {@code base.checkinShare} is the share. */
    public static CheckinComparison run(SimulationConfig base, int seedCount, ProgressListener progress) {
        long[] seeds = new long[seedCount];
        for (int s = 0; s < seedCount; s++) {
            seeds[s] = base.seed + s;
        }
        CheckinComparison c = new CheckinComparison(base.checkinShare, seeds);
        for (int s = 0; s < seedCount; s++) {
            long t0 = System.nanoTime();
            SimulationConfig cs = base.withSeed(seeds[s]);
            Population pop = new PopulationBuilder(cs.populationParameters).build(cs.population, cs.seed);
            SimulationConfig bt = cs.copy();
            bt.checkinShare = 0;
            RunResult b = new Simulation(bt, pop).run("seed " + seeds[s] + " Bluetooth", progress);
            RunResult w = new Simulation(cs, pop).run("seed " + seeds[s] + " check-ins", progress);
            c.infectionsBluetooth[s] = b.transmissions();
            c.infectionsCheckins[s] = w.transmissions();
            c.detectedBluetooth[s] = b.detectedInfections;
            c.detectedCheckins[s] = w.detectedInfections;
            c.checkinFirstWarned[s] = w.checkinFirstWarned;
            c.checkinUsers[s] = w.checkinUsers;
            c.sharedAirInfectionsBluetooth[s] = b.sharedAirInfections;
            c.elapsedSeconds[s] = (System.nanoTime() - t0) / 1e9;
        }
        return c;
    }

    /** Per seed: infections detected with check-ins minus with Bluetooth alone. */
    public double[] addedToDetection() {
        double[] v = new double[seeds.length];
        for (int s = 0; s < v.length; s++) {
            v[s] = detectedCheckins[s] - detectedBluetooth[s];
        }
        return v;
    }

    /** Per seed: infections with Bluetooth alone minus with check-ins. */
    public double[] averted() {
        double[] v = new double[seeds.length];
        for (int s = 0; s < v.length; s++) {
            v[s] = infectionsBluetooth[s] - infectionsCheckins[s];
        }
        return v;
    }

    public static double mean(int[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return Stats.mean(d);
    }

    public static double ci95(int[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return Stats.ci95HalfWidth(d);
    }
}
