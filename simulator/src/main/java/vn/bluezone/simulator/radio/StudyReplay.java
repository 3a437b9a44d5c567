package vn.bluezone.simulator.radio;

import java.util.ArrayList;
import java.util.List;
import vn.bluezone.device.sim.EncounterRadio;
import vn.bluezone.device.sim.Environment;
import vn.bluezone.device.sim.StandardNormal;
import vn.bluezone.protocol.risk.evaluation.AttenuationHistogram;
import vn.bluezone.protocol.risk.evaluation.DetectionRule;
import vn.bluezone.protocol.risk.evaluation.FieldExposure;
import vn.bluezone.protocol.risk.evaluation.RuleEvaluation;

/**
 * Re-runs a published field study in the simulator: the same exposures (distance, duration) measured through the
 * shared radio model in a given environment, {@code replications} times with fresh draws, scanning every
 * {@code scanSeconds}; then the same rules as in the study. All phones are one model (the Dublin studies used Pixel
 * 2 handsets only), so no calibration error is added. Gives the expected TPR and FPR of each rule over the
 * replications (pooled counts). A study is one ride: in a vehicle its exposures share one level, the environment's
 * pooled mean moved by a given offset ({@link #replicate(List, Environment, double, int, int, long)}: 0 for the
 * pooled vehicle, a vehicle's own random-effect estimate for an in-sample check), or drawn per vehicle for the
 * prediction for an unseen vehicle ({@link #overVehicles}).
 */
public final class StudyReplay {
    private StudyReplay() {
    }

    public record Expected(String rule, double cutM, long truePositives, long positives, long falsePositives,
                           long negatives) {
        public double tpr() {
            return positives == 0 ? Double.NaN : (double) truePositives / positives;
        }

        public double fpr() {
            return negatives == 0 ? Double.NaN : (double) falsePositives / negatives;
        }
    }

    /** Simulated copies of the study's exposures, one list per replication. */
    public static List<List<FieldExposure>> replicate(List<FieldExposure> study, Environment env, int replications,
                                                      int scanSeconds, long seed) {
        return replicate(study, env, 0, replications, scanSeconds, seed);
    }

    /**
     * As {@link #replicate(List, Environment, int, int, long)} with every attenuation moved by {@code levelOffsetDb}:
     * the study's vehicle level relative to the environment's mean (its random-effect offset), or a sensitivity check
     * of how a rule's rates depend on the level (never a fit).
     */
    public static List<List<FieldExposure>> replicate(List<FieldExposure> study, Environment env, double levelOffsetDb,
                                                      int replications, int scanSeconds, long seed) {
        List<List<FieldExposure>> out = new ArrayList<>();
        for (int r = 0; r < replications; r++) {
            EncounterRadio radio = new EncounterRadio(seed * 1_000_003L + r);
            List<FieldExposure> copy = new ArrayList<>();
            for (int i = 0; i < study.size(); i++) {
                FieldExposure e = study.get(i);
                double duration = e.durationS() > 0 ? e.durationS() : 900;
                int scans = (int) Math.ceil(duration / scanSeconds);
                double[] att = new double[scans];
                double[] sec = new double[scans];
                long startMinute = 7 * 24 * 60 + 37L * i;
                for (int k = 0; k < scans; k++) {
                    long minute = startMinute + (long) k * scanSeconds / 60;
                    att[k] = radio.attenuationDb(env, e.distanceM(), 2L * i, 2L * i + 1, i,
                            EncounterRadio.slotOf(minute), k) + levelOffsetDb;
                    sec[k] = Math.min(scanSeconds, duration - (double) k * scanSeconds);
                }
                copy.add(new FieldExposure(e.pairId(), env.name(), e.distanceM(), duration,
                        new AttenuationHistogram(att, att, sec), e.line()));
            }
            out.add(copy);
        }
        return out;
    }

    /** One drawn vehicle: its level offset and a rule's expected rates in it. */
    public record Draw(double levelOffsetDb, Expected expected) {
    }

    /** The rule's rates over vehicles drawn with level offsets ~ N(0, sd²). */
    public record Prediction(double levelSdDb, List<Draw> draws) {
        /** The {@code p} quantile (0-1, linear between order statistics) of the drawn vehicles' TPR. */
        public double tprQuantile(double p) {
            return quantile(draws.stream().mapToDouble(d -> d.expected().tpr()).toArray(), p);
        }

        public double fprQuantile(double p) {
            return quantile(draws.stream().mapToDouble(d -> d.expected().fpr()).toArray(), p);
        }

        private static double quantile(double[] x, double p) {
            double[] s = x.clone();
            java.util.Arrays.sort(s);
            double h = (s.length - 1) * p;
            int lo = (int) Math.floor(h);
            int hi = Math.min(s.length - 1, lo + 1);
            return s[lo] + (h - lo) * (s[hi] - s[lo]);
        }
    }

    /**
     * The prediction for an unseen vehicle: {@code draws} vehicles, each with a level offset drawn from N(0, sd²) and
     * the study replayed in it {@code replications} times; per vehicle the rule's expected rates.
     */
    public static Prediction overVehicles(List<FieldExposure> study, Environment env, double levelSdDb, int draws,
                                          int replications, int scanSeconds, long seed, DetectionRule rule,
                                          double cutM) {
        java.util.SplittableRandom vehicles = new java.util.SplittableRandom(seed);
        List<Draw> out = new ArrayList<>();
        for (int v = 0; v < draws; v++) {
            double offset = levelSdDb * StandardNormal.draw(vehicles);
            List<List<FieldExposure>> sims = replicate(study, env, offset, replications, scanSeconds,
                    seed * 7919 + v);
            out.add(new Draw(offset, expected(sims, rule, cutM)));
        }
        return new Prediction(levelSdDb, List.copyOf(out));
    }

    public static Expected expected(List<List<FieldExposure>> replications, DetectionRule rule, double cutM) {
        long tp = 0;
        long p = 0;
        long fp = 0;
        long n = 0;
        for (List<FieldExposure> rep : replications) {
            RuleEvaluation.RuleResult r = RuleEvaluation.apply(rule, rep, cutM);
            tp += r.tpr().successes();
            p += r.tpr().trials();
            fp += r.fpr().successes();
            n += r.fpr().trials();
        }
        return new Expected(rule.name(), cutM, tp, p, fp, n);
    }
}
