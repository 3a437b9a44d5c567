package vn.bluezone.simulator.radio;

import java.util.ArrayList;
import java.util.List;
import vn.bluezone.device.sim.EncounterRadio;
import vn.bluezone.device.sim.Environment;
import vn.bluezone.protocol.risk.evaluation.AttenuationHistogram;
import vn.bluezone.protocol.risk.evaluation.DetectionRule;
import vn.bluezone.protocol.risk.evaluation.FieldExposure;
import vn.bluezone.protocol.risk.evaluation.RuleEvaluation;

/**
 * Re-runs a published field study in the simulator: the same exposures (distance, duration) measured through the
 * shared radio model in a given environment, {@code replications} times with fresh draws, scanning every
 * {@code scanSeconds}; then the same rules as in the study. All phones are one model (the Dublin studies used Pixel
 * 2 handsets only), so no calibration error is added. Gives the expected TPR and FPR of each rule over the
 * replications (pooled counts).
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
     * a sensitivity check of how a rule's rates depend on the environment's level (never a fit).
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
