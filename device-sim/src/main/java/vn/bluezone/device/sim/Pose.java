package vn.bluezone.device.sim;

/**
 * Where a phone is carried, with its extra loss relative to a phone in the hand, and its share of the time.
 * ASSUMPTIONS (no published handset study we hold gives these per pose): body and orientation effects of this
 * order are what Leith and Farrell (ACM SIGCOMM CCR 50(4), 2020) report qualitatively ("handsets in pockets and
 * bags", "absorption by the human body" moving the signal by well over 10 dB). Only the variance matters to the
 * fitted environments: the pose mix explains var = 2 × 7.75 dB² of a pair's spread (σ 3.9 dB), and each
 * environment's encounter σ is what remains of its fitted spread. Poses change at change points with exponential
 * dwell times of mean {@link #MEAN_DWELL_MINUTES} (discretised to the 5-minute scan grid), another assumption.
 */
public enum Pose {
    HAND(0, 0.25),
    BODY(3, 0.15),
    POCKET(5, 0.40),
    BAG(8, 0.20);

    public static final double MEAN_DWELL_MINUTES = 20;
    private static final Pose[] ALL = values();

    private final double lossDb;
    private final double share;

    Pose(double lossDb, double share) {
        this.lossDb = lossDb;
        this.share = share;
    }

    public double lossDb() {
        return lossDb;
    }

    public double share() {
        return share;
    }

    /** The mean loss over the mix; environments' intercepts already include it. */
    public static double meanLossDb() {
        double m = 0;
        for (Pose p : ALL) {
            m += p.share * p.lossDb;
        }
        return m;
    }

    /** Variance of one phone's pose loss, dB². */
    public static double varianceDb2() {
        double m = meanLossDb();
        double v = 0;
        for (Pose p : ALL) {
            v += p.share * (p.lossDb - m) * (p.lossDb - m);
        }
        return v;
    }

    /** The pose whose cumulative share first exceeds {@code u} in [0, 1). */
    public static Pose draw(double u) {
        double c = 0;
        for (Pose p : ALL) {
            c += p.share;
            if (u < c) {
                return p;
            }
        }
        return ALL[ALL.length - 1];
    }
}
