package vn.bluezone.bench.radio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import vn.bluezone.device.sim.CalibrationError;
import vn.bluezone.device.sim.EncounterRadio;
import vn.bluezone.device.sim.Environment;
import vn.bluezone.simulator.disease.DiseaseParameters;

/**
 * Re-derives the F1 rule's near threshold and minutes from the encounter radio model (not a speed figure).
 * Encounters: distance uniform 0.5–5 m, duration uniform 5–120 min, a scan every 5 min with 10 % lost, each phone
 * with its calibration error; the place drawn from an environment mix. Each encounter infects with probability
 * 1 − exp(−β·E), E = hours at 1 m equivalent (1 within 1 m, 1/d² beyond) and β the simulator's calibrated value,
 * read from its {@code disease.properties} (one source of truth). The simulator also multiplies by the case's
 * infectiousness density w(τ) on the day; this derivation takes w = 1 (a contact at peak-scale infectiousness).
 * Candidate rules: warn when at least M minutes of scans read ≤ T dB. Objective: among rules that warn at least as
 * many expected infections as the Ministry's rule (58 dB, 15 min: 15 minutes within 2 m), the most expected
 * infections warned per expected false warning (a warned contact not infected). Cross-validated: 5 folds of
 * independent encounters, the rule chosen on 4 and scored on the 5th; the spread over folds is reported. Its choice
 * on the coarse grid, 62 dB / 30 min in every fold, is the shipped preset {@code vietnam-f1-derived}
 * ({@code RiskPreset.DERIVED}; {@code RuleDerivationTest} checks that the two agree). It is not the default: the
 * paired epidemic runs (simulator/README.md) show no gain from it over the Ministry rule; the choice against the
 * epidemic model itself is {@link EpidemicRuleDerivation}. The {@code fine} grid (every dB 50–70, minutes 5–60 in
 * steps of 5) is a sensitivity check: the optimum lies on the constraint, so a finer grid finds a rule nearer it.
 * Usage: {@code RuleDerivation [encountersPerFold=20000] [seed=1] [coarse|fine]}.
 */
public final class RuleDerivation {
    static final double BETA_PER_HOUR = DiseaseParameters.load().beta();
    static final int FOLDS = 5;
    /** The rule every candidate must warn at least as many infections as: the Ministry's F1 definition. */
    static final int MINISTRY_DB = 58;
    static final int MINISTRY_MINUTES = 15;

    /** Candidate thresholds (dB) and minimum minutes. */
    record Grid(int[] thresholds, int[] minutes) {
        static final Grid COARSE = new Grid(new int[] {50, 52, 54, 56, 58, 60, 62, 64, 66},
                new int[] {5, 10, 15, 20, 30});
        static final Grid FINE = new Grid(java.util.stream.IntStream.rangeClosed(50, 70).toArray(),
                new int[] {5, 10, 15, 20, 25, 30, 35, 40, 45, 60});

        int ministryThreshold() {
            return index(thresholds, MINISTRY_DB);
        }

        int ministryMinutes() {
            return index(minutes, MINISTRY_MINUTES);
        }
    }

    /** The rule chosen in one fold and how it did on that fold's held-out encounters. */
    record FoldResult(int thresholdDb, int minutes, double ratio, double ministryRatio, double coverage,
                      double ministryCoverage) {
    }

    private RuleDerivation() {
    }

    record Mix(String name, Environment[] envs, double[] shares) {
    }

    /** Per fold: expected infections and false warnings of every candidate rule. */
    record Tally(double[][] infections, double[][] falseWarnings, double totalInfections) {
    }

    /** Community: the simulator's close contacts by place on day 0 (home 2.8, school/work/eatery/desk 4.5, random
     * encounters 1.05 per person and day). */
    static final Mix COMMUNITY = new Mix("community",
            new Environment[] {Environment.HOME, Environment.ROOM, Environment.OPEN_SPACE}, new double[] {0.33, 0.54, 0.13});
    /** With transit: a fifth of the community's contacts moved to buses. */
    static final Mix WITH_TRANSIT = new Mix("with-transit", new Environment[] {Environment.HOME, Environment.ROOM,
            Environment.OPEN_SPACE, Environment.BUS}, new double[] {0.27, 0.43, 0.10, 0.20});

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        Grid grid = args.length > 2 && args[2].equals("fine") ? Grid.FINE : Grid.COARSE;
        System.out.printf(Locale.ROOT, "%d encounters per fold, %d folds, %s grid; beta %s (simulator); reference:"
                + " the Ministry's rule, <= %d dB for %d min%n", n, FOLDS, grid == Grid.FINE ? "fine" : "coarse",
                BETA_PER_HOUR, MINISTRY_DB, MINISTRY_MINUTES);
        for (Mix mix : List.of(COMMUNITY, WITH_TRANSIT)) {
            List<FoldResult> folds = derive(mix, n, seed, grid);
            StringBuilder chosen = new StringBuilder();
            folds.forEach(f -> chosen.append(String.format(Locale.ROOT, " %d dB/%d min", f.thresholdDb(), f.minutes())));
            System.out.printf(Locale.ROOT, "%s: chosen per fold:%s%n", mix.name(), chosen);
            System.out.printf(Locale.ROOT, "%s: held-out infections warned per false warning: chosen %s, Ministry %s;"
                    + " share of infections warned by the chosen rule %s (Ministry %s); paired gain of the ratio %s%n",
                    mix.name(), meanSd(folds, FoldResult::ratio), meanSd(folds, FoldResult::ministryRatio),
                    meanSd(folds, FoldResult::coverage), meanSd(folds, FoldResult::ministryCoverage),
                    meanSd(folds, f -> f.ratio() / f.ministryRatio() - 1));
        }
    }

    /** Per fold: the rule chosen on the other folds, scored with the Ministry's on this fold's encounters (paired). */
    static List<FoldResult> derive(Mix mix, int n, long seed, Grid grid) {
        Tally[] folds = new Tally[FOLDS];
        for (int f = 0; f < FOLDS; f++) {
            folds[f] = tally(mix, n, seed * 101 + f, grid);
        }
        int m0 = grid.ministryThreshold();
        int m1 = grid.ministryMinutes();
        List<FoldResult> out = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            int[] best = choose(folds, f, grid);
            Tally t = folds[f];
            out.add(new FoldResult(grid.thresholds()[best[0]], grid.minutes()[best[1]],
                    t.infections[best[0]][best[1]] / Math.max(1e-9, t.falseWarnings[best[0]][best[1]]),
                    t.infections[m0][m1] / Math.max(1e-9, t.falseWarnings[m0][m1]),
                    t.infections[best[0]][best[1]] / t.totalInfections, t.infections[m0][m1] / t.totalInfections));
        }
        return out;
    }

    /** The best rule on every fold but {@code skip}: at least the Ministry rule's infections, best ratio. */
    static int[] choose(Tally[] folds, int skip, Grid grid) {
        int[] thresholds = grid.thresholds();
        int[] minutes = grid.minutes();
        double[][] inf = new double[thresholds.length][minutes.length];
        double[][] fw = new double[thresholds.length][minutes.length];
        for (int f = 0; f < folds.length; f++) {
            if (f == skip) {
                continue;
            }
            for (int i = 0; i < thresholds.length; i++) {
                for (int j = 0; j < minutes.length; j++) {
                    inf[i][j] += folds[f].infections[i][j];
                    fw[i][j] += folds[f].falseWarnings[i][j];
                }
            }
        }
        int[] best = {grid.ministryThreshold(), grid.ministryMinutes()};
        double floor = inf[best[0]][best[1]];
        double bestRatio = floor / Math.max(1e-9, fw[best[0]][best[1]]);
        for (int i = 0; i < thresholds.length; i++) {
            for (int j = 0; j < minutes.length; j++) {
                double ratio = inf[i][j] / Math.max(1e-9, fw[i][j]);
                if (inf[i][j] >= floor && ratio > bestRatio) {
                    bestRatio = ratio;
                    best = new int[] {i, j};
                }
            }
        }
        return best;
    }

    static Tally tally(Mix mix, int n, long seed, Grid grid) {
        int[] thresholds = grid.thresholds();
        int[] minutes = grid.minutes();
        SplittableRandom rnd = new SplittableRandom(seed);
        EncounterRadio radio = new EncounterRadio(seed);
        double[][] inf = new double[thresholds.length][minutes.length];
        double[][] fw = new double[thresholds.length][minutes.length];
        double total = 0;
        for (int e = 0; e < n; e++) {
            Environment env = pick(mix, rnd.nextDouble());
            double d = 0.5 + 4.5 * rnd.nextDouble();
            int scans = 1 + rnd.nextInt(24);
            double hours = scans * 5 / 60.0;
            double p = 1 - Math.exp(-BETA_PER_HOUR * hours * (d <= 1 ? 1 : 1 / (d * d)));
            total += p;
            double cal = CalibrationError.PER_PHONE_SIGMA_DB * (rnd.nextGaussian() + rnd.nextGaussian());
            long start = 1000 + rnd.nextInt(100_000);
            int[] atOrBelow = new int[thresholds.length];
            for (int k = 0; k < scans; k++) {
                if (rnd.nextDouble() < 0.10) {
                    continue;
                }
                // Each encounter its own ride: in a vehicle, the ride's level offset (0 elsewhere).
                double a = radio.attenuationDb(env, d, 2L * e, 2L * e + 1, e, e, start + k, start + k) + cal;
                for (int i = 0; i < thresholds.length; i++) {
                    if (a <= thresholds[i]) {
                        atOrBelow[i]++;
                    }
                }
            }
            for (int i = 0; i < thresholds.length; i++) {
                for (int j = 0; j < minutes.length; j++) {
                    if (atOrBelow[i] * 5 >= minutes[j]) {
                        inf[i][j] += p;
                        fw[i][j] += 1 - p;
                    }
                }
            }
        }
        return new Tally(inf, fw, total);
    }

    private static Environment pick(Mix mix, double u) {
        double c = 0;
        for (int i = 0; i < mix.envs().length; i++) {
            c += mix.shares()[i];
            if (u < c) {
                return mix.envs()[i];
            }
        }
        return mix.envs()[mix.envs().length - 1];
    }

    private static int index(int[] values, int v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        throw new IllegalArgumentException(v + " is not a candidate");
    }

    private static String meanSd(List<FoldResult> folds, java.util.function.ToDoubleFunction<FoldResult> value) {
        double[] xs = folds.stream().mapToDouble(value).toArray();
        double m = java.util.Arrays.stream(xs).average().orElse(Double.NaN);
        double v = java.util.Arrays.stream(xs).map(x -> (x - m) * (x - m)).sum() / Math.max(1, xs.length - 1);
        return String.format(Locale.ROOT, "%.4f ± %.4f", m, Math.sqrt(v));
    }
}
