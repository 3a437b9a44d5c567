package vn.bluezone.simulator.util;

/**
 * Counter-based randomness: a draw is a pure function of (seed, stream, keys), so it does not depend on how many
 * other draws happened before it. That keeps runs that differ only in app adoption on common random numbers (the
 * same people fall ill from the same contacts unless tracing changed something), which makes "with app vs without
 * app at the same seed" a paired comparison. Mixing is SplitMix64's finaliser (the one SplittableRandom uses).
 */
public final class Rand {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Rand() {
    }

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public static long hash(long seed, long a) {
        return mix(seed + GOLDEN * (a + 1));
    }

    public static long hash(long seed, long a, long b) {
        return hash(hash(seed, a), b);
    }

    public static long hash(long seed, long a, long b, long c) {
        return hash(hash(hash(seed, a), b), c);
    }

    public static long hash(long seed, long a, long b, long c, long d) {
        return hash(hash(hash(hash(seed, a), b), c), d);
    }

    /** Uniform in [0, 1). */
    public static double uniform(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    /** Standard normal (Box–Muller on two uniforms derived from {@code h}). */
    public static double gaussian(long h) {
        double u1 = ((h >>> 11) + 1) * 0x1.0p-53; // (0, 1]
        double u2 = uniform(mix(h ^ GOLDEN));
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** Exponential with the given mean. */
    public static double exponential(long h, double mean) {
        return -mean * Math.log(1.0 - uniform(h));
    }

    /** Uniform integer in [0, bound). */
    public static int below(long h, int bound) {
        return (int) ((h >>> 33) % bound);
    }
}
