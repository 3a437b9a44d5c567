package vn.bluezone.simulator;

import vn.bluezone.simulator.disease.DiseaseParameters;
import vn.bluezone.simulator.disease.Epidemic;

/**
 * Whether a person's first F1 warning came in time, the "infections warned in time per false warning":
 * <ul>
 * <li><b>in time</b>: the person was infected at or before the warning, and at least half of their infectiousness
 * (the generation-time curve from their infection) was still ahead, i.e. warned before the median generation time
 * (about 5 days after infection): quarantine from then on can stop most of what they would transmit;</li>
 * <li><b>late</b>: infected at or before the warning, with less than half still ahead;</li>
 * <li><b>false</b>: not infected when warned (never infected in the run, or only later).</li>
 * </ul>
 * The three add up to the run's F1 warnings ({@link RunResult#warnedF1}: first warnings only, as behaviour follows
 * the first). Who infected the person does not matter: a warning triggered by one case is in time for an
 * infection by another just the same, since it is the quarantine that helps.
 */
public final class WarningTimeliness {
    /** In time: at least this share of the person's infectiousness curve still ahead at the warning. */
    public static final double IN_TIME_SHARE_AHEAD = 0.5;

    public enum Kind { IN_TIME, LATE, FALSE }

    private WarningTimeliness() {
    }

    /** The kind of a first F1 warning at {@code warnedAt} (minutes) to a person infected at {@code infectedAt}. */
    public static Kind classify(int infectedAt, int warnedAt, DiseaseParameters disease) {
        if (infectedAt == Epidemic.NEVER || infectedAt > warnedAt) {
            return Kind.FALSE;
        }
        return shareAhead(infectedAt, warnedAt, disease) >= IN_TIME_SHARE_AHEAD ? Kind.IN_TIME : Kind.LATE;
    }

    /** Share of an infected person's infectiousness still ahead at the warning (0 when not infected then). */
    public static double shareAhead(int infectedAt, int warnedAt, DiseaseParameters disease) {
        if (infectedAt == Epidemic.NEVER || infectedAt > warnedAt) {
            return 0;
        }
        return disease.infectiousnessAhead((warnedAt - (double) infectedAt) / 1440.0);
    }
}
