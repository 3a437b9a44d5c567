package vn.bluezone.simulator;

import vn.bluezone.simulator.day.EpisodeSample;
import vn.bluezone.simulator.day.PlaceKind;

/** What one run measured. Counts are raw so that callers can pool them; ratios are derived on demand. */
public final class RunResult {
    public long seed;
    public double adoption;
    public String mode;
    public int population;
    public int households;
    public int smartphoneOwners;
    public int appUsers;
    /** Engines mode: export files the real key server wrote, and exposure checks the engines ran. */
    public int exportFiles;
    public long exposureChecks;
    public int days;

    public int seedInfections;
    public int infections;
    public int confirmed;
    public int uploadsConfirmed;
    public int uploadsRecursive;
    public int warnedF1;
    public int warnedF2;
    public int quarantinedF1;
    public int[] dailyInfections;
    public int[] dailyConfirmed;
    public int[] dailyWarnedF1;
    public int[] dailyWarnedF2;
    public int[] dailyInfectious;

    /** Detection at the pair-day level, among app-user pairs: ground truth vs what the radio counted. */
    public long detectionTp;
    public long detectionFp;
    public long detectionFn;
    public double[] noiseLevelsDb;
    public long[] noiseTp;
    public long[] noiseFp;
    public long[] noiseFn;

    /** Warnings against ground truth, per (uploaded confirmed case, contact) pair. */
    public long warningPairsTp;
    public long warningPairsTruth;
    public long warningPairsWarned;
    /** True pairs whose every infectious contact day is one the device's onset map rates 0: not warnable. */
    public long warningPairsTruthOutsideMap;
    /** The cases' infectiousness summed over the true pairs' contact days, all and warned: recall by what could
     *  transmit (a contact at the peak counts more than one a week before onset). */
    public double warningPairsTruthInfectiousness;
    public double warningPairsTpInfectiousness;
    /** Warnings against ground truth, per person (should have been warned F1 vs was warned F1). */
    public long warnedPeopleTp;
    public long warnedPeopleTruth;
    public long warnedPeopleWarned;

    /**
     * First F1 warnings by timeliness ({@link WarningTimeliness}): in time, late, and false (to a person not
     * infected then); they add up to {@link #warnedF1}. And the infected people's share of infectiousness still
     * ahead at their warning, summed (what quarantine could still stop, in people's worth of infectiousness).
     */
    public int warnedF1InTime;
    public int warnedF1Late;
    public int warnedF1False;
    public double warnedF1InfectiousnessAhead;

    public double[] hoursToWarning = new double[0];
    public double earlyR;
    /** Infections through a place's shared air (the rest are at close range). */
    public int sharedAirInfections;
    /** People infected here (not seeds) whose phone gave an F1 warning (Bluetooth or check-in) after their infection. */
    public int detectedInfections;
    /** App users who check in, their check-ins, reports in cases' uploads, check-in warnings delivered, and of
     * these the ones that reached a person Bluetooth had not warned (first warnings). */
    public int checkinUsers;
    public long checkins;
    public long checkinReports;
    public int checkinWarnings;
    public int checkinFirstWarned;
    public double[] closeContactsPerPersonByPlace = new double[PlaceKind.values().length];
    public double closeContactsPerPersonDay;
    public double elapsedSeconds;
    /** With --server: installs registered and heartbeats accepted by the registry (-1: no server). */
    public int registryRegistered = -1;
    public long registryHeartbeats = -1;
    public long registryFailures;
    public String registryFirstFailure;

    /** Not serialised: the contact sample and who used the app, for the CSV. */
    public transient EpisodeSample sample;
    public transient boolean[] appUser;

    public double attackRate() {
        return population == 0 ? 0 : infections / (double) population;
    }

    /** Infections caused during the run (excluding the seeded ones). */
    public int transmissions() {
        return infections - seedInfections;
    }

    /** Infected people warned in time per false warning: the F1 rule's criterion (NaN without false warnings). */
    public double inTimePerFalseWarning() {
        return warnedF1False == 0 ? Double.NaN : warnedF1InTime / (double) warnedF1False;
    }

    public double uptake() {
        return population == 0 ? 0 : appUsers / (double) population;
    }

    public static double precision(long tp, long fp) {
        return tp + fp == 0 ? Double.NaN : tp / (double) (tp + fp);
    }

    public static double recall(long tp, long fn) {
        return tp + fn == 0 ? Double.NaN : tp / (double) (tp + fn);
    }

    public static double f1(long tp, long fp, long fn) {
        return 2 * tp + fp + fn == 0 ? Double.NaN : 2.0 * tp / (2.0 * tp + fp + fn);
    }
}
