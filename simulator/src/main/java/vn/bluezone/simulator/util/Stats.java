package vn.bluezone.simulator.util;

import java.util.Arrays;

/** Small descriptive statistics for metrics (quantiles, mean and a t-based confidence interval). */
public final class Stats {
    private Stats() {
    }

    /** Quantile by linear interpolation between order statistics (type 7); NaN for no data. */
    public static double quantile(double[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = values.clone();
        Arrays.sort(v);
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(v.length - 1, lo + 1);
        return v[lo] + (pos - lo) * (v[hi] - v[lo]);
    }

    public static double mean(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    public static double sd(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    /** Half-width of the two-sided 95% confidence interval of the mean (Student t); 0 for fewer than 2 values. */
    public static double ci95HalfWidth(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        return t975(v.length - 1) * sd(v) / Math.sqrt(v.length);
    }

    /** 97.5% quantile of Student's t for the given degrees of freedom (table, then normal limit). */
    static double t975(int df) {
        double[] table = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086};
        if (df <= table.length) {
            return table[df - 1];
        }
        return df <= 30 ? 2.042 : df <= 60 ? 2.000 : 1.960;
    }
}
