package vn.bluezone.bench.radio;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import vn.bluezone.device.sim.CalibrationError;
import vn.bluezone.device.sim.EncounterRadio;
import vn.bluezone.device.sim.Environment;
import vn.bluezone.device.sim.StandardNormal;
import vn.bluezone.protocol.risk.RiskConfiguration;
import vn.bluezone.protocol.risk.evaluation.AttenuationHistogram;
import vn.bluezone.protocol.risk.evaluation.DetectionRule;
import vn.bluezone.protocol.risk.evaluation.FieldExposure;
import vn.bluezone.protocol.risk.evaluation.RuleEvaluation;

/**
 * Detection per environment, before and after the encounter radio model (not a speed figure). For each
 * environment: {@code pairs} contacts within 2 m (distance uniform in 0.5–2 m) and as many beyond (2–5 m), each
 * {@code minutes} long with a scan every 5 minutes and 10 % lost scans; the shipped default (the Ministry
 * preset, 58 dB / 15 min), the derived preset (62 dB / 30 min) and the Swiss, German and Italian 2020 rules on the same
 * simulated encounters; TPR and FPR with Wilson intervals. "Before" is the
 * previous contacts-mode radio (CWA mean everywhere, N(0, 8 dB) drawn afresh per scan, calibration N(0, 3 dB) per
 * phone); "after" is {@link EncounterRadio} in the environment with calibration N(0, 3.2 dB) per phone, and in a
 * vehicle each contact its own ride (its own level offset, {@link EncounterRadio#rideOffsetDb}). Also: the
 * share of 8-hour contacts at 5 m that either Vietnam rule warns. Usage: {@code DetectionByEnvironment [pairs=2000]
 * [minutes=30] [seed=1]}.
 */
public final class DetectionByEnvironment {
    private DetectionByEnvironment() {
    }

    public static void main(String[] args) {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int minutes = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
        List<DetectionRule> rules = List.of(DetectionRule.of(RiskConfiguration.vietnamDefault()),
                DetectionRule.of(RiskConfiguration.derivedF1()), DetectionRule.swiss(), DetectionRule.german(),
                DetectionRule.italian());
        System.out.printf(Locale.ROOT, "%d pairs <= 2 m and %d beyond per environment, %d min, scans every 5 min%n",
                pairs, pairs, minutes);
        System.out.printf(Locale.ROOT, "%-11s %-7s %-19s %-24s %-24s%n", "environment", "radio", "rule",
                "TPR (95% CI)", "FPR (95% CI)");
        List<Environment> envs = new ArrayList<>(List.of(Environment.values()));
        for (Environment env : envs) {
            for (boolean after : new boolean[] {false, true}) {
                List<FieldExposure> data = simulate(env, after, pairs, minutes * 60, 5.0, seed);
                for (DetectionRule rule : rules) {
                    RuleEvaluation.RuleResult r = RuleEvaluation.apply(rule, data, 2.0);
                    System.out.printf(Locale.ROOT, "%-11s %-7s %-19s %-24s %-24s%n", env.name().toLowerCase(Locale.ROOT),
                            after ? "after" : "before", rule.name(), rate(r.tpr()), rate(r.fpr()));
                }
            }
        }
        for (DetectionRule vn : rules.subList(0, 2)) {
            for (boolean after : new boolean[] {false, true}) {
                List<FieldExposure> longFar = simulate(Environment.ROOM, after, pairs, 8 * 3600, 5.0, seed + 1)
                        .stream().filter(e -> e.distanceM() > 2).toList();
                RuleEvaluation.RuleResult r = RuleEvaluation.apply(vn, longFar, 2.0);
                System.out.printf(Locale.ROOT, "8 h at 5 m, room, %s, %s: warned %s%n", after ? "after" : "before",
                        vn.name(), rate(r.fpr()));
            }
        }
    }

    /** Contacts in one environment: {@code pairs} within 2 m, then {@code pairs} beyond (2-5 m; at {@code far} m
     * for contacts longer than an hour). Calibration error: one draw per phone of the pair. */
    static List<FieldExposure> simulate(Environment env, boolean after, int pairs, int seconds, double far, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed * 31 + env.ordinal() * 2L + (after ? 1 : 0));
        EncounterRadio radio = new EncounterRadio(seed * 977 + env.ordinal());
        List<FieldExposure> out = new ArrayList<>();
        int scans = seconds / 300;
        for (int i = 0; i < 2 * pairs; i++) {
            boolean close = i < pairs;
            double d = close ? 0.5 + 1.5 * rnd.nextDouble() : seconds > 3600 ? far : 2.0 + 3.0 * rnd.nextDouble();
            double calSigma = after ? CalibrationError.PER_PHONE_SIGMA_DB : 3.0;
            double cal = calSigma * (StandardNormal.draw(rnd) + StandardNormal.draw(rnd));
            long startSlot = 1000 + rnd.nextInt(10_000);
            List<Double> att = new ArrayList<>();
            for (int k = 0; k < scans; k++) {
                if (rnd.nextDouble() < 0.10) {
                    continue;
                }
                double a = after
                        ? radio.attenuationDb(env, d, 2L * i, 2L * i + 1, i, i, startSlot + k, startSlot + k)
                        : 50.3 + 26.6 * Math.log10(Math.max(0.1, d)) + 8 * StandardNormal.draw(rnd);
                att.add(a + cal);
            }
            double[] lo = att.stream().mapToDouble(Double::doubleValue).toArray();
            double[] sec = new double[lo.length];
            java.util.Arrays.fill(sec, 300);
            out.add(new FieldExposure("p" + i, env.name(), d, seconds, new AttenuationHistogram(lo, lo, sec), 0));
        }
        return out;
    }


    private static String rate(vn.bluezone.protocol.risk.evaluation.Wilson w) {
        return String.format(Locale.ROOT, "%.3f (%.3f-%.3f)", w.estimate(), w.low(), w.high());
    }
}
