package vn.bluezone.device.sim;

/**
 * The radio model shared by the simulator and the simulated device radio: attenuation of one scan between phones
 * a and b at distance d in an environment is
 *
 * <pre>  A = env.mean(d) + (pose loss a − mean) + (pose loss b − mean) + encounter shadow + scan fading</pre>
 *
 * where each phone's {@link Pose} changes at its own change points (on the 5-minute scan grid, each slot a
 * change with probability 5 / 20, so dwell times are geometric, the discrete form of an exponential, with mean
 * 20 min), the
 * encounter shadow ~ N(0, env.encounterσ) is drawn once per pair and encounter and re-drawn only when either
 * phone's pose changes, and the fading ~ N(0, env.scanσ) is drawn per scan. A long contact therefore does not
 * average its loss away: a phone in a bag stays in the bag. In a vehicle, every encounter of one ride also shares
 * the ride's level offset ~ N(0, env.rideLevelσ) ({@link #rideOffsetDb}; the caller keeps the ride id), so that
 * simulated vehicles differ in level as measured ones do. Per-model calibration error is the caller's (it is
 * a property of phones, not of encounters). Every draw is a counter-based hash of (seed, ids, slot), so results
 * do not depend on the order of calls.
 */
public final class EncounterRadio {
    public static final long SLOT_MINUTES = 5;
    /** Longest look-back for a pose change: beyond it the pose is drawn at the look-back limit. */
    static final int MAX_LOOKBACK_SLOTS = 288;
    private static final long POSE_CHANGE = 0x506F7365L;
    private static final long POSE_VALUE = 0x56616C75L;
    private static final long SHADOW = 0x53686164L;
    private static final long FADE = 0x46616465L;
    private static final long RIDE = 0x52696465L;
    /** Geometric dwell on the 5-minute grid with the documented mean: P(change in a slot) = 5 / 20. */
    private static final double CHANGE_PER_SLOT = SLOT_MINUTES / Pose.MEAN_DWELL_MINUTES;

    private final long seed;
    private final double slowScale;
    private final double fastScale;

    /** @param seed the run's seed */
    public EncounterRadio(long seed) {
        this(seed, 1, 1);
    }

    private EncounterRadio(long seed, double slowScale, double fastScale) {
        this.seed = seed;
        this.slowScale = slowScale;
        this.fastScale = fastScale;
    }

    /** The same draws with every random term scaled (0 = noiseless), e.g. for a curve against noise. */
    public EncounterRadio scaled(double factor) {
        return new EncounterRadio(seed, factor, factor);
    }

    /** The slot (5-minute period since the epoch) of a time in minutes. */
    public static long slotOf(long minute) {
        return Math.floorDiv(minute, SLOT_MINUTES);
    }

    /** The slot in which phone {@code phone}'s current pose began (at most {@link #MAX_LOOKBACK_SLOTS} back). */
    public long poseStart(long phone, long slot) {
        long s = slot;
        for (int i = 0; i < MAX_LOOKBACK_SLOTS; i++, s--) {
            if (changesAt(phone, s)) {
                return s;
            }
        }
        return s;
    }

    /** Whether phone {@code phone} changes pose at the start of {@code slot}. */
    public boolean changesAt(long phone, long slot) {
        return uniform(hash(seed ^ POSE_CHANGE, phone, slot, 0)) < CHANGE_PER_SLOT;
    }

    /**
     * Remembers each phone's pose start for the last slot asked, so that walking forward slot by slot costs one
     * draw instead of a look-back. Not thread-safe: one per thread (the simulator's day is single-threaded).
     */
    public final class PoseCache {
        private final long[] slot;
        private final long[] start;

        public PoseCache(int phones) {
            slot = new long[phones];
            start = new long[phones];
            java.util.Arrays.fill(slot, Long.MIN_VALUE);
        }

        public long poseStart(int phone, long at) {
            long last = slot[phone];
            long s;
            if (last == at) {
                return start[phone];
            } else if (last == at - 1) {
                s = changesAt(phone, at) ? at : start[phone];
            } else {
                s = EncounterRadio.this.poseStart(phone, at);
            }
            slot[phone] = at;
            start[phone] = s;
            return s;
        }
    }

    /** The slow part as {@link #slowDb}, with the phones' pose starts already known (from a {@link PoseCache}). */
    public double slowDb(Environment env, long a, long b, long encounter, long startA, long startB) {
        if (slowScale == 0) {
            return 0;
        }
        long lo = Math.min(a, b);
        long hi = Math.max(a, b);
        long startLo = a <= b ? startA : startB;
        long startHi = a <= b ? startB : startA;
        double mean = Pose.meanLossDb();
        double pose = Pose.draw(uniform(hash(seed ^ POSE_VALUE, lo, startLo, 0))).lossDb() - mean
                + Pose.draw(uniform(hash(seed ^ POSE_VALUE, hi, startHi, 0))).lossDb() - mean;
        long key = hash(seed ^ SHADOW, lo * 0x9E3779B97F4A7C15L + hi, encounter, startLo * 31 + startHi);
        return slowScale * (pose + env.encounterSigmaDb() * gaussian(key));
    }

    public Pose poseAt(long phone, long slot) {
        return Pose.draw(uniform(hash(seed ^ POSE_VALUE, phone, poseStart(phone, slot), 0)));
    }

    /**
     * The slow part of the attenuation (pose losses relative to the mix plus the encounter shadow), dB, for the
     * encounter {@code encounter} (any id the caller keeps for one meeting of the pair, e.g. the day).
     */
    public double slowDb(Environment env, long a, long b, long encounter, long slot) {
        if (slowScale == 0) {
            return 0;
        }
        return slowDb(env, a, b, encounter, poseStart(a, slot), poseStart(b, slot));
    }

    /** Per-scan fading, dB, for scan {@code scan} (any id unique per scan of the pair, e.g. its time). */
    public double fadingDb(Environment env, long a, long b, long scan) {
        if (fastScale == 0) {
            return 0;
        }
        long key = hash(seed ^ FADE, Math.min(a, b) * 0x9E3779B97F4A7C15L + Math.max(a, b), scan, 0);
        return fastScale * env.scanSigmaDb() * gaussian(key);
    }

    /**
     * The level offset of ride {@code ride} (any id the caller keeps for one vehicle on one trip, shared by all the
     * encounters in it), dB: N(0, env.rideLevelσ), 0 where the environment has no ride spread. Per ride, not per
     * vehicle: each vehicle data set measured one trip (its phones, seating, crowding and carriage), and these cannot
     * be told from the vehicle; the simulator keeps no vehicle identities across trips.
     */
    public double rideOffsetDb(Environment env, long ride) {
        if (slowScale == 0 || env.rideLevelSigmaDb() == 0) {
            return 0;
        }
        return slowScale * env.rideLevelSigmaDb() * gaussian(hash(seed ^ RIDE, ride, 0, 0));
    }

    /** Attenuation of one scan, dB, without calibration error and without the ride's offset. */
    public double attenuationDb(Environment env, double metres, long a, long b, long encounter, long slot, long scan) {
        return env.meanAttenuationDb(metres) + slowDb(env, a, b, encounter, slot) + fadingDb(env, a, b, scan);
    }

    /** Attenuation of one scan in ride {@code ride}, dB, without calibration error: with the ride's level offset. */
    public double attenuationDb(Environment env, double metres, long a, long b, long ride, long encounter, long slot,
                                long scan) {
        return attenuationDb(env, metres, a, b, encounter, slot, scan) + rideOffsetDb(env, ride);
    }

    static long hash(long seed, long a, long b, long c) {
        long h = mix(seed + 0x9E3779B97F4A7C15L * (a + 1));
        h = mix(h + 0x9E3779B97F4A7C15L * (b + 1));
        return mix(h + 0x9E3779B97F4A7C15L * (c + 1));
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static double uniform(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    static double gaussian(long h) {
        double u1 = ((h >>> 11) + 1) * 0x1.0p-53;
        double u2 = uniform(mix(h ^ 0x9E3779B97F4A7C15L));
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
