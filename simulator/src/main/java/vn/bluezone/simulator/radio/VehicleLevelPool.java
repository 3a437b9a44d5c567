package vn.bluezone.simulator.radio;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.bluezone.protocol.risk.evaluation.FieldDataCsv;
import vn.bluezone.protocol.risk.evaluation.FieldExposure;

/**
 * The vehicles' distance model pooled over every vehicle data set we hold, the level as a random effect: a vehicle's
 * mean attenuation at {@link #REFERENCE_M} is the pooled mean plus a vehicle offset drawn from N(0, τ²). The Dublin
 * bus alone had set it before, and the MBTA bus then sat 14-21 dB below it; one vehicle cannot tell the spread.
 *
 * <p>Estimator (two stages, simulator/docs/radio.md, "The vehicle level pooled over vehicles"):
 * <ol>
 *   <li>Slope: each test's least-squares slope of exposure means on log10(distance) ({@link EnvironmentFit}); a
 *   vehicle's slope is the inverse-variance mean of its tests'; the vehicles' slopes are pooled by DerSimonian and
 *   Laird (Control Clin Trials 7, 1986).</li>
 *   <li>Level: with that slope fixed, each test's level at 2 m is the mean of its exposures' means moved to 2 m
 *   along the slope, with standard error SD / √n; a vehicle's level is the mean of its tests' levels, its standard
 *   error SD(tests) / √m when it has m ≥ 2 tests (so it holds the spread between the sending phones too), the
 *   test's own otherwise; the vehicles' levels are pooled by DerSimonian and Laird: the between-vehicle variance τ²
 *   from Cochran's Q, the mean weighted by 1 / (SE² + τ²).</li>
 * </ol>
 * The unit of the random effect is the vehicle, not the test: the tests of one vehicle share it, and counting each
 * sending phone as a vehicle would weigh a vehicle by its number of tests. The other choice is computed by
 * {@link #perTest(List)} for comparison. The slope's own uncertainty is not carried into the levels' errors (it moves
 * every level alike at 2 m, which lies inside every data set's distances).
 *
 * <p>The Dublin tram is in no list here: it is the validation set.
 */
public final class VehicleLevelPool {
    /** The distance the levels are compared at: inside every vehicle data set's range (0.5-2 m to 1.4-10.9 m). */
    public static final double REFERENCE_M = 2.0;
    private static final String DIR = "/vn/bluezone/simulator/radio/";

    /**
     * The vehicle data sets of the pool, one line each. A file's tests are told apart by the pair id's prefix before
     * its first "-" (MITLL-UA: the test, e.g. mbta_bus_2; Dublin: "bus", one test).
     */
    public static final List<Vehicle> VEHICLES = List.of(
            Vehicle.of("Dublin bus", "leith-farrell-dublin-bus-2020.csv"),
            Vehicle.of("MBTA bus", "mitll-ua-mbta-bus-2021.csv"),
            Vehicle.of("MBTA train", "mitll-ua-mbta-train-2021.csv"),
            Vehicle.of("MIT shuttle", "mitll-ua-mit-shuttle-2021.csv"));

    private VehicleLevelPool() {
    }

    /** One test: the exposures measured with one set of phones in one vehicle. */
    public record Test(String name, List<FieldExposure> exposures) {
    }

    /** One vehicle and its tests. */
    public record Vehicle(String name, String resource, List<Test> tests) {
        /** Every test in a shipped resource file (one per pair-id prefix). */
        public static Vehicle of(String name, String resource) {
            Map<String, List<FieldExposure>> byTest = new LinkedHashMap<>();
            for (FieldExposure e : read(DIR + resource)) {
                int dash = e.pairId().indexOf('-');
                String test = dash < 0 ? e.pairId() : e.pairId().substring(0, dash);
                byTest.computeIfAbsent(test, k -> new ArrayList<>()).add(e);
            }
            List<Test> tests = new ArrayList<>();
            byTest.forEach((test, exposures) -> tests.add(new Test(test, List.copyOf(exposures))));
            return new Vehicle(name, resource, List.copyOf(tests));
        }
    }

    /** One pooled quantity: DerSimonian-Laird mean, its standard error, the between-vehicle SD τ and Cochran's Q. */
    public record Estimate(int units, double mean, double standardError, double tau, double q) {
        /** SD of a new vehicle's value around the pooled mean: √(τ² + SE²) (Higgins, Thompson, Spiegelhalter 2009). */
        public double predictiveSd() {
            return Math.sqrt(tau * tau + standardError * standardError);
        }

        /** The shrunken (empirical Bayes) estimate of one unit's value, given its own estimate and standard error. */
        public double shrunken(double own, double ownStandardError) {
            double t2 = tau * tau;
            return t2 == 0 ? mean : mean + t2 / (t2 + ownStandardError * ownStandardError) * (own - mean);
        }
    }

    /** One vehicle's estimates: slope (its own), level at {@link #REFERENCE_M} (with the pooled slope). */
    public record VehicleEstimate(String name, int tests, int exposures, double slopeDbPerDecade,
                                  double slopeStandardErrorDb, double levelDb, double levelStandardErrorDb,
                                  List<Double> testLevelsDb) {
    }

    /** The pool: every vehicle's estimates, the pooled slope and the pooled level. */
    public record Pool(List<VehicleEstimate> vehicles, Estimate slope, Estimate level) {
        /** The pooled mean attenuation at 1 m, as {@code Environment} takes it. */
        public double referenceDbAt1m() {
            return level.mean() - slope.mean() * Math.log10(REFERENCE_M);
        }

        public VehicleEstimate vehicle(String name) {
            return vehicles.stream().filter(v -> v.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no vehicle " + name));
        }

        /** A vehicle's own level (its shrunken random-effect estimate) relative to the pooled mean, dB. */
        public double ownOffsetDb(String name) {
            VehicleEstimate v = vehicle(name);
            return level.shrunken(v.levelDb(), v.levelStandardErrorDb()) - level.mean();
        }
    }

    /** The pool of {@link #VEHICLES}. */
    public static Pool pool() {
        return pool(VEHICLES);
    }

    public static Pool pool(List<Vehicle> vehicles) {
        int k = vehicles.size();
        double[] slopes = new double[k];
        double[] slopeSes = new double[k];
        for (int v = 0; v < k; v++) {
            double w = 0;
            double sum = 0;
            for (Test t : vehicles.get(v).tests()) {
                EnvironmentFit.Fit f = EnvironmentFit.fit(t.exposures());
                double wt = 1 / (f.slopeStandardErrorDb() * f.slopeStandardErrorDb());
                w += wt;
                sum += wt * f.slopeDbPerDecade();
            }
            slopes[v] = sum / w;
            slopeSes[v] = 1 / Math.sqrt(w);
        }
        Estimate slope = dersimonianLaird(slopes, slopeSes);
        double[] levels = new double[k];
        double[] levelSes = new double[k];
        List<VehicleEstimate> out = new ArrayList<>();
        for (int v = 0; v < k; v++) {
            Vehicle vehicle = vehicles.get(v);
            List<Double> testLevels = new ArrayList<>();
            double testSe = 0;
            int exposures = 0;
            for (Test t : vehicle.tests()) {
                List<EnvironmentFit.ExposureMean> points = EnvironmentFit.means(t.exposures());
                double[] moved = new double[points.size()];
                for (int i = 0; i < moved.length; i++) {
                    EnvironmentFit.ExposureMean p = points.get(i);
                    moved[i] = p.meanDb() - slope.mean() * (p.log10Distance() - Math.log10(REFERENCE_M));
                }
                testLevels.add(mean(moved));
                testSe = sd(moved) / Math.sqrt(moved.length);
                exposures += moved.length;
            }
            double[] tl = testLevels.stream().mapToDouble(Double::doubleValue).toArray();
            levels[v] = mean(tl);
            levelSes[v] = tl.length >= 2 ? sd(tl) / Math.sqrt(tl.length) : testSe;
            out.add(new VehicleEstimate(vehicle.name(), tl.length, exposures, slopes[v], slopeSes[v], levels[v],
                    levelSes[v], List.copyOf(testLevels)));
        }
        return new Pool(List.copyOf(out), slope, dersimonianLaird(levels, levelSes));
    }

    /** The other choice of unit: every test its own vehicle (each sending phone counted as a vehicle). */
    public static List<Vehicle> perTest(List<Vehicle> vehicles) {
        List<Vehicle> out = new ArrayList<>();
        for (Vehicle v : vehicles) {
            for (Test t : v.tests()) {
                out.add(new Vehicle(v.tests().size() == 1 ? v.name() : v.name() + " " + t.name(), v.resource(),
                        List.of(t)));
            }
        }
        return out;
    }

    /**
     * DerSimonian and Laird's random-effects pool of estimates {@code y} with standard errors {@code se}: Q from the
     * inverse-variance mean, τ² = max(0, (Q − (k − 1)) / (Σw − Σw² / Σw)), then the mean weighted by 1 / (se² + τ²).
     */
    public static Estimate dersimonianLaird(double[] y, double[] se) {
        int k = y.length;
        if (k < 2) {
            throw new IllegalArgumentException("a between-vehicle spread needs at least 2 vehicles, got " + k);
        }
        double sw = 0;
        double sw2 = 0;
        double swy = 0;
        for (int i = 0; i < k; i++) {
            double w = 1 / (se[i] * se[i]);
            sw += w;
            sw2 += w * w;
            swy += w * y[i];
        }
        double fixed = swy / sw;
        double q = 0;
        for (int i = 0; i < k; i++) {
            q += (y[i] - fixed) * (y[i] - fixed) / (se[i] * se[i]);
        }
        double tau2 = Math.max(0, (q - (k - 1)) / (sw - sw2 / sw));
        double rw = 0;
        double rwy = 0;
        for (int i = 0; i < k; i++) {
            double w = 1 / (se[i] * se[i] + tau2);
            rw += w;
            rwy += w * y[i];
        }
        return new Estimate(k, rwy / rw, 1 / Math.sqrt(rw), Math.sqrt(tau2), q);
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double sd(double[] x) {
        double m = mean(x);
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m);
        }
        return Math.sqrt(s / (x.length - 1));
    }

    private static List<FieldExposure> read(String resource) {
        InputStream in = VehicleLevelPool.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no vehicle data set " + resource);
        }
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return FieldDataCsv.read(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
