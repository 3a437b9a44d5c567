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
 * infectiousness density w(τ) on the day; this derivation takes w = 1 (a contact at peak-scale infectiousness). Candidate rules: warn when at least M minutes of scans read ≤ T dB. Objective:
 * among rules that warn at least as many expected infections as the shipped rule (58 dB, 15 min), the most
 * expected infections warned per expected false warning (a warned contact not infected). Cross-validated: 5 folds
 * of independent encounters, the rule chosen on 4 and scored on the 5th; the spread over folds is reported.
 * Usage: {@code RuleDerivation [encountersPerFold=20000] [seed=1]}.
 */
public final class RuleDerivation {
    static final double BETA_PER_HOUR = DiseaseParameters.load().beta();
    static final int[] THRESHOLDS = {50, 52, 54, 56, 58, 60, 62, 64, 66};
    static final int[] MINUTES = {5, 10, 15, 20, 30};
    static final int FOLDS = 5;

    private RuleDerivation() {
    }

    record Mix(String name, Environment[] envs, double[] shares) {
    }

    /** Per fold: expected infections and false warnings of every candidate rule. */
    record Tally(double[][] infections, double[][] falseWarnings, double totalInfections) {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        // Community: the simulator's close contacts by place on day 0 (home 2.8, school/work/eatery/desk 4.5, random
        // encounters 1.05 per person and day); with transit: a fifth of contacts moved to buses.
        List<Mix> mixes = List.of(
                new Mix("community", new Environment[] {Environment.HOME, Environment.ROOM, Environment.OPEN_SPACE},
                        new double[] {0.33, 0.54, 0.13}),
                new Mix("with-transit", new Environment[] {Environment.HOME, Environment.ROOM,
                        Environment.OPEN_SPACE, Environment.BUS}, new double[] {0.27, 0.43, 0.10, 0.20}));
        System.out.printf(Locale.ROOT, "%d encounters per fold, %d folds; beta %s (simulator); shipped rule: <= 58 dB"
                + " for 15 min%n", n, FOLDS, BETA_PER_HOUR);
        for (Mix mix : mixes) {
            Tally[] folds = new Tally[FOLDS];
            for (int f = 0; f < FOLDS; f++) {
                folds[f] = tally(mix, n, seed * 101 + f);
            }
            List<Double> held = new ArrayList<>();
            List<Double> heldShipped = new ArrayList<>();
            List<Double> heldCoverage = new ArrayList<>();
            List<Double> heldShippedCoverage = new ArrayList<>();
            List<Double> gain = new ArrayList<>();
            StringBuilder chosen = new StringBuilder();
            for (int f = 0; f < FOLDS; f++) {
                int[] best = choose(folds, f);
                Tally t = folds[f];
                held.add(t.infections[best[0]][best[1]] / Math.max(1e-9, t.falseWarnings[best[0]][best[1]]));
                int s0 = index(THRESHOLDS, 58);
                int s1 = index(MINUTES, 15);
                heldShipped.add(t.infections[s0][s1] / Math.max(1e-9, t.falseWarnings[s0][s1]));
                heldCoverage.add(t.infections[best[0]][best[1]] / t.totalInfections);
                heldShippedCoverage.add(t.infections[s0][s1] / t.totalInfections);
                // Paired per fold: the same held-out encounters scored by both rules.
                gain.add(held.get(f) / heldShipped.get(f) - 1);
                chosen.append(String.format(Locale.ROOT, " %d dB/%d min", THRESHOLDS[best[0]], MINUTES[best[1]]));
            }
            System.out.printf(Locale.ROOT, "%s: chosen per fold:%s%n", mix.name(), chosen);
            System.out.printf(Locale.ROOT, "%s: held-out infections warned per false warning: chosen %s, shipped %s;"
                    + " share of infections warned by the chosen rule %s (shipped %s); paired gain of the ratio %s%n",
                    mix.name(), meanSd(held), meanSd(heldShipped), meanSd(heldCoverage), meanSd(heldShippedCoverage),
                    meanSd(gain));
        }
    }

    /** The best rule on every fold but {@code skip}: at least the shipped rule's infections, best ratio. */
    static int[] choose(Tally[] folds, int skip) {
        double[][] inf = new double[THRESHOLDS.length][MINUTES.length];
        double[][] fw = new double[THRESHOLDS.length][MINUTES.length];
        for (int f = 0; f < folds.length; f++) {
            if (f == skip) {
                continue;
            }
            for (int i = 0; i < THRESHOLDS.length; i++) {
                for (int j = 0; j < MINUTES.length; j++) {
                    inf[i][j] += folds[f].infections[i][j];
                    fw[i][j] += folds[f].falseWarnings[i][j];
                }
            }
        }
        double floor = inf[index(THRESHOLDS, 58)][index(MINUTES, 15)];
        int[] best = {index(THRESHOLDS, 58), index(MINUTES, 15)};
        double bestRatio = floor / Math.max(1e-9, fw[best[0]][best[1]]);
        for (int i = 0; i < THRESHOLDS.length; i++) {
            for (int j = 0; j < MINUTES.length; j++) {
                double ratio = inf[i][j] / Math.max(1e-9, fw[i][j]);
                if (inf[i][j] >= floor && ratio > bestRatio) {
                    bestRatio = ratio;
                    best = new int[] {i, j};
                }
            }
        }
        return best;
    }

    static Tally tally(Mix mix, int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        EncounterRadio radio = new EncounterRadio(seed);
        double[][] inf = new double[THRESHOLDS.length][MINUTES.length];
        double[][] fw = new double[THRESHOLDS.length][MINUTES.length];
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
            int[] atOrBelow = new int[THRESHOLDS.length];
            for (int k = 0; k < scans; k++) {
                if (rnd.nextDouble() < 0.10) {
                    continue;
                }
                double a = radio.attenuationDb(env, d, 2L * e, 2L * e + 1, e, start + k, start + k) + cal;
                for (int i = 0; i < THRESHOLDS.length; i++) {
                    if (a <= THRESHOLDS[i]) {
                        atOrBelow[i]++;
                    }
                }
            }
            for (int i = 0; i < THRESHOLDS.length; i++) {
                for (int j = 0; j < MINUTES.length; j++) {
                    if (atOrBelow[i] * 5 >= MINUTES[j]) {
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

    private static String meanSd(List<Double> xs) {
        double m = xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double v = xs.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / Math.max(1, xs.size() - 1);
        return String.format(Locale.ROOT, "%.4f ± %.4f", m, Math.sqrt(v));
    }
}
