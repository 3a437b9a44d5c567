package vn.bluezone.simulator.radio;

import java.util.ArrayList;
import java.util.List;
import vn.bluezone.device.sim.Pose;
import vn.bluezone.protocol.risk.evaluation.AttenuationHistogram;
import vn.bluezone.protocol.risk.evaluation.FieldExposure;

/**
 * Fits an environment's distance model to measured attenuation-duration histograms: per exposure the
 * time-weighted mean attenuation (bucket midpoints) and its spread; ordinary least squares of the means on
 * log10(distance) gives intercept and slope; the residual SD is the exposure-to-exposure spread, of which the pose
 * mix explains 2 × {@link Pose#varianceDb2()}, phone-model calibration errors (studies with several models) a given
 * variance per pair, and the rest is the encounter σ; the mean within-exposure SD, less the bucket rounding
 * (w² / 12), is the per-scan σ. Exposures with no time at all are left out (nothing heard). Used for the Dublin
 * bus (one phone model) and the MITLL-UA rooms and queue (several models); simulator/README.md, "Radio model".
 */
public final class EnvironmentFit {
    private EnvironmentFit() {
    }

    public record Fit(int exposures, double interceptDb, double slopeDbPerDecade, double betweenSdDb,
                      double withinSdDb, double encounterSigmaDb, double scanSigmaDb, double slopeStandardErrorDb) {
    }

    /** A study with one phone model (the Dublin studies: Pixel 2 only), so no calibration error between phones. */
    public static Fit fit(List<FieldExposure> data) {
        return fit(data, 0);
    }

    /** One exposure as the fit sees it: log10 of its distance (m) and its time-weighted mean attenuation (dB). */
    public record ExposureMean(double log10Distance, double meanDb, double withinSdDb, double roundingVarianceDb2) {
    }

    /** Per exposure with time, its time-weighted mean attenuation (bucket midpoints) and spread; silent ones left out. */
    public static List<ExposureMean> means(List<FieldExposure> data) {
        List<ExposureMean> out = new ArrayList<>();
        for (FieldExposure e : data) {
            AttenuationHistogram h = e.histogram();
            double total = h.totalSeconds();
            if (total <= 0) {
                continue;
            }
            double mean = 0;
            for (int i = 0; i < h.seconds().length; i++) {
                mean += h.seconds()[i] * mid(h, i);
            }
            mean /= total;
            double var = 0;
            double width2 = 0;
            for (int i = 0; i < h.seconds().length; i++) {
                double dev = mid(h, i) - mean;
                double w = h.highDb()[i] - h.lowDb()[i];
                var += h.seconds()[i] * dev * dev;
                width2 += h.seconds()[i] * w * w;
            }
            out.add(new ExposureMean(Math.log10(e.distanceM()), mean, Math.sqrt(var / total), width2 / total / 12));
        }
        return out;
    }

    /**
     * @param calibrationVarianceDb2 the variance per pair that phone-model calibration errors add to the
     *                               exposure-to-exposure spread (0 for one model; 2 σ² per phone otherwise)
     */
    public static Fit fit(List<FieldExposure> data, double calibrationVarianceDb2) {
        List<ExposureMean> points = means(data);
        int n = points.size();
        if (n < 3) {
            throw new IllegalArgumentException("need at least 3 exposures with time, got " + n);
        }
        double[] x = new double[n];
        double[] y = new double[n];
        double within = 0;
        double rounding = 0;
        for (int i = 0; i < n; i++) {
            ExposureMean p = points.get(i);
            x[i] = p.log10Distance();
            y[i] = p.meanDb();
            within += p.withinSdDb();
            rounding += p.roundingVarianceDb2();
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i] / n;
            my += y[i] / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double intercept = my - slope * mx;
        double rss = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - intercept - slope * x[i];
            rss += r * r;
        }
        double between = Math.sqrt(rss / (n - 2));
        double withinSd = within / n;
        double encounter = Math.sqrt(Math.max(0, between * between - 2 * Pose.varianceDb2()
                - calibrationVarianceDb2));
        double scan = Math.sqrt(Math.max(0, withinSd * withinSd - rounding / n));
        double slopeSe = sxx == 0 ? Double.POSITIVE_INFINITY : between / Math.sqrt(sxx);
        return new Fit(n, intercept, slope, between, withinSd, encounter, scan, slopeSe);
    }

    private static double mid(AttenuationHistogram h, int i) {
        double lo = h.lowDb()[i];
        double hi = h.highDb()[i];
        if (Double.isInfinite(lo) || Double.isInfinite(hi)) {
            throw new IllegalArgumentException("open-ended attenuation buckets cannot be fitted");
        }
        return (lo + hi) / 2;
    }
}
