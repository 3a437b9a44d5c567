package vn.bluezone.device.sim;

import java.util.SplittableRandom;

/** Standard normal draws from a {@link SplittableRandom}, which has no {@code nextGaussian} on Java 17. */
public final class StandardNormal {
    private StandardNormal() {
    }

    /** One N(0, 1) draw by Box-Muller: consumes two doubles of {@code r}, in a fixed order (reproducible runs). */
    public static double draw(SplittableRandom r) {
        double u1 = 1.0 - r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
