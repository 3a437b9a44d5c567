package vn.bluezone.bench.radio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.bluezone.protocol.risk.CloseContactRule;
import vn.bluezone.protocol.risk.RiskConfiguration;
import vn.bluezone.simulator.ProgressListener;
import vn.bluezone.simulator.RunResult;
import vn.bluezone.simulator.Simulation;
import vn.bluezone.simulator.SimulationConfig;
import vn.bluezone.simulator.population.Population;
import vn.bluezone.simulator.population.PopulationBuilder;

/**
 * Derives the F1 rule against the epidemic model itself (not a speed figure), where {@link RuleDerivation} uses
 * single encounters. For every seed: one run without the app and one with the app per candidate rule (warn when at
 * least M minutes of a day's scans read ≤ T dB), all on the same population. Runs at one seed are paired: every
 * random draw of the simulator is a hash of (seed, what, who, when), so population, app users, natural histories,
 * movements, radio draws and transmission draws are the same in every run; runs differ only through what the rule
 * changes (who is warned, quarantined, tested, and so who is where and infected afterwards).
 *
 * <p>Criterion (issue 12): infected people warned in time per false warning ({@code WarningTimeliness}: first F1
 * warnings to people infected by then with at least half their infectiousness ahead, per first F1 warning to a
 * person not infected then), among rules that warn at least as many infected people in time as the Ministry's
 * 58 dB / 15 min, summed over the training seeds. Cross-validation over seeds: seed i is in fold i mod k; a fold's
 * rule is chosen on the other folds' seeds and scored on the fold's own, paired with the Ministry rule on the same
 * seed. Infections averted (no-app run minus app run, same seed) are recorded for every candidate, not chosen on.
 * Usage: {@code EpidemicRuleDerivation [population=10000] [days=60] [seeds=1,2,3] [folds=3]
 * [thresholds=54,56,58,60,62,64] [minutes=10,15,20,30]}.
 */
public final class EpidemicRuleDerivation {
    static final int MINISTRY_DB = RuleDerivation.MINISTRY_DB;
    static final int MINISTRY_MINUTES = RuleDerivation.MINISTRY_MINUTES;

    /** A candidate: at least {@code minutes} of "near" scans in a day, near = at most {@code thresholdDb}. */
    record Rule(int thresholdDb, int minutes) {
        static final Rule MINISTRY = new Rule(MINISTRY_DB, MINISTRY_MINUTES);

        /**
         * The rule as a risk configuration: the Ministry preset with the distance whose rounded threshold is T, 2 m ×
         * 10^((T − 58) / 26.6) (the path loss model), so that 58 dB is exactly the preset's 2 m. The simulator uses the
         * unrounded threshold, T + 0.31 dB for every T, as for the presets (58.31 for the Ministry's).
         */
        RiskConfiguration configuration() {
            RiskConfiguration ministry = RiskConfiguration.ministryF1();
            if (equals(MINISTRY)) {
                return ministry;
            }
            CloseContactRule c = ministry.closeContact();
            double distance = c.closeContactDistanceMeters()
                    * Math.pow(10, (thresholdDb - MINISTRY_DB) / (10 * c.pathLossExponent()));
            RiskConfiguration r = ministry.withCloseContact(distance, minutes);
            return new RiskConfiguration("candidate-" + thresholdDb + "db-" + minutes + "min",
                    "candidate F1 rule of EpidemicRuleDerivation", r.closeContact(), r.attenuationThresholds(),
                    r.attenuationWeights(), r.reportTypeWeights(), r.reportTypeWhenMissing(), r.infectiousnessWeights(),
                    r.daysSinceOnsetToInfectiousness(), r.infectiousnessWhenDaysSinceOnsetMissing(),
                    r.minimumWindowScore());
        }

        @Override
        public String toString() {
            return thresholdDb + " dB / " + minutes + " min";
        }
    }

    /** What one run with the app gave, next to the no-app run at the same seed. */
    record Outcome(long seed, Rule rule, int infections, int noAppInfections, int warnedF1, int inTime, int late,
                   int falseWarnings, double infectiousnessAhead, double seconds) {
        static Outcome of(long seed, Rule rule, RunResult withApp, RunResult noApp) {
            return new Outcome(seed, rule, withApp.infections, noApp.infections, withApp.warnedF1,
                    withApp.warnedF1InTime, withApp.warnedF1Late, withApp.warnedF1False,
                    withApp.warnedF1InfectiousnessAhead, withApp.elapsedSeconds);
        }

        int averted() {
            return noAppInfections - infections;
        }

        double ratio() {
            return inTime / (double) Math.max(1, falseWarnings);
        }
    }

    /** One fold: the rule chosen without its seeds, and per held-out seed the chosen and Ministry outcomes. */
    record Fold(int index, List<Long> trainingSeeds, Rule chosen, List<Outcome> heldOutChosen,
                List<Outcome> heldOutMinistry) {
        /** Paired differences chosen − Ministry on the held-out seeds, one per seed. */
        double[] ratioGain() {
            double[] d = new double[heldOutChosen.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = heldOutChosen.get(i).ratio() - heldOutMinistry.get(i).ratio();
            }
            return d;
        }

        double[] avertedGain() {
            double[] d = new double[heldOutChosen.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = heldOutChosen.get(i).averted() - heldOutMinistry.get(i).averted();
            }
            return d;
        }

        double[] inTimeGain() {
            double[] d = new double[heldOutChosen.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = heldOutChosen.get(i).inTime() - heldOutMinistry.get(i).inTime();
            }
            return d;
        }
    }

    private EpidemicRuleDerivation() {
    }

    public static void main(String[] args) {
        SimulationConfig base = new SimulationConfig();
        base.population = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        base.days = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        long[] seeds = args.length > 2 ? Arrays.stream(args[2].split(",")).mapToLong(Long::parseLong).toArray()
                : new long[] {1, 2, 3};
        int folds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int[] thresholds = args.length > 4 ? ints(args[4]) : new int[] {54, 56, 58, 60, 62, 64};
        int[] minutes = args.length > 5 ? ints(args[5]) : new int[] {10, 15, 20, 30};
        List<Rule> rules = grid(thresholds, minutes);
        System.out.printf(Locale.ROOT, "population %d, days %d, adoption %.2f, seeds %s, %d folds, %d rules (%s dB x %s"
                        + " min), Ministry %s; in time = infected, >= %.0f %% of infectiousness ahead%n",
                base.population, base.days, base.adoption, Arrays.toString(seeds), folds, rules.size(),
                Arrays.toString(thresholds), Arrays.toString(minutes), Rule.MINISTRY,
                100 * vn.bluezone.simulator.WarningTimeliness.IN_TIME_SHARE_AHEAD);
        System.out.println("seed\trule\tinfections\tnoApp\taverted\twarnedF1\tinTime\tlate\tfalse\tinTimePerFalse"
                + "\tinfectiousnessAhead\tseconds");
        long t0 = System.nanoTime();
        List<Outcome> all = new ArrayList<>();
        for (int i = 0; i < seeds.length; i++) {
            all.addAll(runSeed(base, seeds[i], rules, o -> System.out.printf(Locale.ROOT,
                    "%d\t%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%.4f\t%.1f\t%.0f%n", o.seed(), o.rule(), o.infections(),
                    o.noAppInfections(), o.averted(), o.warnedF1(), o.inTime(), o.late(), o.falseWarnings(),
                    o.ratio(), o.infectiousnessAhead(), o.seconds())));
            System.out.printf(Locale.ROOT, "seed %d done, %.0f s%n", seeds[i], (System.nanoTime() - t0) / 1e9);
            if (i >= 1 && i < seeds.length - 1) {
                // An interim answer on the seeds so far (leave one out), in case the run must be stopped.
                long[] done = Arrays.copyOf(seeds, i + 1);
                System.out.println("interim, seeds " + Arrays.toString(done) + ":");
                report(crossValidate(all, done, Math.min(folds, done.length), rules));
            }
        }
        report(crossValidate(all, seeds, folds, rules));
        System.out.printf(Locale.ROOT, "wall %.0f s%n", (System.nanoTime() - t0) / 1e9);
    }

    private static void report(List<Fold> result) {
        for (Fold f : result) {
            System.out.printf(Locale.ROOT, "fold %d: chosen on seeds %s: %s; held-out seeds %s: in time per false"
                            + " warning %s vs Ministry %s (paired gain %s), in time %s, infections averted %s vs %s"
                            + " (paired gain %s)%n",
                    f.index(), f.trainingSeeds(), f.chosen(), f.heldOutChosen().stream().map(Outcome::seed).toList(),
                    list(f.heldOutChosen().stream().mapToDouble(Outcome::ratio).toArray(), "%.3f"),
                    list(f.heldOutMinistry().stream().mapToDouble(Outcome::ratio).toArray(), "%.3f"),
                    list(f.ratioGain(), "%+.3f"), list(f.inTimeGain(), "%+.0f"),
                    list(f.heldOutChosen().stream().mapToDouble(Outcome::averted).toArray(), "%.0f"),
                    list(f.heldOutMinistry().stream().mapToDouble(Outcome::averted).toArray(), "%.0f"),
                    list(f.avertedGain(), "%+.0f"));
        }
        double[] ratio = result.stream().flatMapToDouble(f -> Arrays.stream(f.ratioGain())).toArray();
        double[] averted = result.stream().flatMapToDouble(f -> Arrays.stream(f.avertedGain())).toArray();
        double[] inTime = result.stream().flatMapToDouble(f -> Arrays.stream(f.inTimeGain())).toArray();
        System.out.printf(Locale.ROOT, "held out, chosen - Ministry, mean ± SD over %d seeds: in time per false warning"
                        + " %s; infected warned in time %s; infections averted %s%n", ratio.length,
                meanSd(ratio, "%+.3f"), meanSd(inTime, "%+.1f"), meanSd(averted, "%+.1f"));
    }

    static List<Rule> grid(int[] thresholds, int[] minutes) {
        List<Rule> rules = new ArrayList<>();
        for (int t : thresholds) {
            for (int m : minutes) {
                rules.add(new Rule(t, m));
            }
        }
        if (!rules.contains(Rule.MINISTRY)) {
            throw new IllegalArgumentException("the grid must contain the Ministry rule " + Rule.MINISTRY);
        }
        return rules;
    }

    /** One no-app run and one run per rule at {@code seed}, on one population built once. */
    static List<Outcome> runSeed(SimulationConfig base, long seed, List<Rule> rules,
                                 java.util.function.Consumer<Outcome> each) {
        SimulationConfig cfg = base.withSeed(seed);
        Population pop = new PopulationBuilder(cfg.populationParameters).build(cfg.population, cfg.seed);
        RunResult noApp = new Simulation(cfg.withAdoption(0), pop).run("no app", ProgressListener.NONE);
        List<Outcome> out = new ArrayList<>();
        for (Rule r : rules) {
            SimulationConfig c = cfg.copy();
            c.risk = r.configuration();
            Outcome o = Outcome.of(seed, r, new Simulation(c, pop).run(r.toString(), ProgressListener.NONE), noApp);
            each.accept(o);
            out.add(o);
        }
        return out;
    }

    /** Seed i (in the given order) is in fold i mod {@code folds}; each fold's rule is chosen on the others. */
    static List<Fold> crossValidate(List<Outcome> all, long[] seeds, int folds, List<Rule> rules) {
        if (folds < 2 || folds > seeds.length) {
            throw new IllegalArgumentException("folds must be 2.." + seeds.length + ", was " + folds);
        }
        List<Fold> out = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            List<Long> training = new ArrayList<>();
            List<Long> heldOut = new ArrayList<>();
            for (int i = 0; i < seeds.length; i++) {
                (i % folds == f ? heldOut : training).add(seeds[i]);
            }
            List<Outcome> trainingOutcomes = all.stream().filter(o -> training.contains(o.seed())).toList();
            Rule chosen = choose(trainingOutcomes, rules);
            List<Outcome> chosenOut = new ArrayList<>();
            List<Outcome> ministryOut = new ArrayList<>();
            for (long s : heldOut) {
                chosenOut.add(find(all, s, chosen));
                ministryOut.add(find(all, s, Rule.MINISTRY));
            }
            out.add(new Fold(f, training, chosen, chosenOut, ministryOut));
        }
        return out;
    }

    /**
     * The rule with the most infected people warned in time per false warning, summed over {@code outcomes}, among
     * those that warn at least as many in time as the Ministry rule; the Ministry rule when none does better.
     */
    static Rule choose(List<Outcome> outcomes, List<Rule> rules) {
        Map<Rule, long[]> sums = new LinkedHashMap<>();
        for (Rule r : rules) {
            sums.put(r, new long[2]);
        }
        for (Outcome o : outcomes) {
            long[] s = sums.get(o.rule());
            s[0] += o.inTime();
            s[1] += o.falseWarnings();
        }
        long[] ministry = sums.get(Rule.MINISTRY);
        Rule best = Rule.MINISTRY;
        double bestRatio = ministry[0] / (double) Math.max(1, ministry[1]);
        for (Map.Entry<Rule, long[]> e : sums.entrySet()) {
            long[] s = e.getValue();
            double ratio = s[0] / (double) Math.max(1, s[1]);
            if (s[0] >= ministry[0] && ratio > bestRatio) {
                best = e.getKey();
                bestRatio = ratio;
            }
        }
        return best;
    }

    private static Outcome find(List<Outcome> all, long seed, Rule rule) {
        return all.stream().filter(o -> o.seed() == seed && o.rule().equals(rule)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no run for seed " + seed + " and " + rule));
    }

    private static int[] ints(String csv) {
        return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private static String list(double[] xs, String format) {
        StringBuilder b = new StringBuilder();
        for (double x : xs) {
            b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, format, x));
        }
        return b.toString();
    }

    static double mean(double[] xs) {
        return Arrays.stream(xs).average().orElse(Double.NaN);
    }

    static double sd(double[] xs) {
        double m = mean(xs);
        return Math.sqrt(Arrays.stream(xs).map(x -> (x - m) * (x - m)).sum() / Math.max(1, xs.length - 1));
    }

    private static String meanSd(double[] xs, String format) {
        return String.format(Locale.ROOT, format + " ± " + format.replace("+", ""), mean(xs), sd(xs));
    }
}
