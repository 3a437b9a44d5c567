package vn.bluezone.protocol.risk.evaluation;

/**
 * Wilson score interval for a proportion k/n (95 %, z = 1.96): unlike the normal approximation it stays inside
 * [0, 1] and is usable at k = 0 or k = n, which is common in small field tests (E. B. Wilson, JASA 22:209, 1927).
 */
public record Wilson(int successes, int trials, double estimate, double low, double high) {
    public static final double Z95 = 1.959964;

    public static Wilson of(int k, int n) {
        if (k < 0 || n < 0 || k > n) {
            throw new IllegalArgumentException("need 0 <= k <= n, was " + k + "/" + n);
        }
        if (n == 0) {
            return new Wilson(0, 0, Double.NaN, Double.NaN, Double.NaN);
        }
        double p = (double) k / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new Wilson(k, n, p, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** Whether x lies in the interval (inclusive). */
    public boolean contains(double x) {
        return x >= low - 1e-12 && x <= high + 1e-12;
    }
}
