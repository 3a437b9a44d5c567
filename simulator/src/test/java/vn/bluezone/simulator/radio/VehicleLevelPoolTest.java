package vn.bluezone.simulator.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.bluezone.device.sim.Environment;

/**
 * The vehicles' level and slope pooled over the vehicle data sets (simulator/docs/radio.md, "The vehicle level pooled
 * over vehicles"), computed from the shipped CSVs; the model's BUS and TRAM are that pool.
 */
class VehicleLevelPoolTest {

    private static void print(String title, VehicleLevelPool.Pool p) {
        System.out.println(title);
        for (VehicleLevelPool.VehicleEstimate v : p.vehicles()) {
            System.out.printf(Locale.ROOT, "  %-22s tests %d exposures %3d slope %5.1f ± %.1f  level at 2 m %.1f ± %.1f"
                            + " (tests %s)%n", v.name(), v.tests(), v.exposures(), v.slopeDbPerDecade(),
                    v.slopeStandardErrorDb(), v.levelDb(), v.levelStandardErrorDb(), v.testLevelsDb());
        }
        System.out.printf(Locale.ROOT, "  slope %.1f ± %.1f (tau %.1f, Q %.2f); level at 2 m %.2f ± %.2f (tau %.2f, Q %.1f,"
                        + " predictive SD %.2f); at 1 m %.2f%n", p.slope().mean(), p.slope().standardError(),
                p.slope().tau(), p.slope().q(), p.level().mean(), p.level().standardError(), p.level().tau(),
                p.level().q(), p.level().predictiveSd(), p.referenceDbAt1m());
    }

    @Test
    void theVehiclesPoolAsReported() {
        VehicleLevelPool.Pool p = VehicleLevelPool.pool();
        print("vehicle as the unit (the model)", p);
        assertEquals(4, p.vehicles().size());
        VehicleLevelPool.VehicleEstimate dublin = p.vehicle("Dublin bus");
        assertEquals(1, dublin.tests());
        assertEquals(60, dublin.exposures());
        assertEquals(2.2, dublin.slopeDbPerDecade(), 0.05);
        assertEquals(5.5, dublin.slopeStandardErrorDb(), 0.05);
        assertEquals(76.4, dublin.levelDb(), 0.05);
        assertEquals(0.8, dublin.levelStandardErrorDb(), 0.05);
        check(p.vehicle("MBTA bus"), 2, 21, 9.4, 2.7, 56.7, 3.5, 53.2, 60.3);
        check(p.vehicle("MBTA train"), 2, 23, 17.2, 3.5, 53.3, 1.3, 52.0, 54.6);
        check(p.vehicle("MIT shuttle"), 2, 40, 11.5, 3.0, 54.0, 5.8, 48.2, 59.8);
        assertEquals(10.9, p.slope().mean(), 0.05);
        assertEquals(2.5, p.slope().standardError(), 0.05);
        assertEquals(3.4, p.slope().tau(), 0.05);
        assertEquals(60.4, p.level().mean(), 0.05);
        assertEquals(7.9, p.level().standardError(), 0.05);
        assertEquals(15.5, p.level().tau(), 0.05);
        assertEquals(254.1, p.level().q(), 0.05);
        assertEquals(17.4, p.level().predictiveSd(), 0.05);
        assertEquals(57.1, p.referenceDbAt1m(), 0.05);
        // The Dublin bus's own level, its shrunken random-effect estimate: 16.0 dB above the pooled vehicle.
        assertEquals(16.0, p.ownOffsetDb("Dublin bus"), 0.05);
    }

    /** A vehicle with two tests (senders): its slope, level at 2 m with SE (from the two tests), and the tests' levels. */
    private static void check(VehicleLevelPool.VehicleEstimate v, int tests, int exposures, double slope,
                              double slopeSe, double level, double levelSe, double test1, double test2) {
        assertEquals(tests, v.tests(), v.name());
        assertEquals(exposures, v.exposures(), v.name());
        assertEquals(slope, v.slopeDbPerDecade(), 0.05, v.name());
        assertEquals(slopeSe, v.slopeStandardErrorDb(), 0.05, v.name());
        assertEquals(level, v.levelDb(), 0.05, v.name());
        assertEquals(levelSe, v.levelStandardErrorDb(), 0.05, v.name() + ": SD of the two senders' levels / √2");
        assertEquals(test1, v.testLevelsDb().get(0), 0.05, v.name());
        assertEquals(test2, v.testLevelsDb().get(1), 0.05, v.name());
    }

    @Test
    void theModelsVehiclesAreThePool() {
        VehicleLevelPool.Pool p = VehicleLevelPool.pool();
        for (Environment vehicle : new Environment[] {Environment.BUS, Environment.TRAM}) {
            assertEquals(p.referenceDbAt1m(), vehicle.referenceDb(), 0.05, vehicle.name());
            assertEquals(p.slope().mean(), vehicle.slopeDbPerDecade(), 0.05, vehicle.name());
            assertEquals(p.level().mean(), vehicle.meanAttenuationDb(VehicleLevelPool.REFERENCE_M), 0.05);
            assertEquals(p.level().tau(), vehicle.rideLevelSigmaDb(), 0.05, "per-ride offset: the between-vehicle SD");
        }
    }

    @Test
    void theOtherUnitEachTestAVehicle() {
        VehicleLevelPool.Pool p = VehicleLevelPool.pool(VehicleLevelPool.perTest(VehicleLevelPool.VEHICLES));
        print("test as the unit (not used)", p);
        assertEquals(7, p.vehicles().size());
        assertEquals(11.1, p.slope().mean(), 0.05);
        assertEquals(1.9, p.slope().standardError(), 0.05);
        assertEquals(2.5, p.slope().tau(), 0.05);
        assertEquals(76.4, p.vehicle("Dublin bus").levelDb(), 0.05);
        assertEquals(53.1, p.vehicle("MBTA bus mbta_bus_2").levelDb(), 0.05);
        assertEquals(60.2, p.vehicle("MBTA bus mbta_bus_3").levelDb(), 0.05);
        assertEquals(57.8, p.level().mean(), 0.05);
        assertEquals(4.4, p.level().standardError(), 0.05);
        assertEquals(11.6, p.level().tau(), 0.05);
        assertEquals(12.4, p.level().predictiveSd(), 0.05);
    }

    @Test
    void theTramIsInNoPool() {
        for (VehicleLevelPool.Vehicle v : VehicleLevelPool.VEHICLES) {
            assertFalse(StudyData.TRAM.endsWith(v.resource()), "the Dublin tram is the validation set: " + v.name());
            assertFalse(v.name().toLowerCase(Locale.ROOT).contains("tram"), v.name());
        }
    }

    @Test
    void dersimonianLairdOnHandWorkedCases() {
        // Two estimates 10 apart with SE 1: Q = 50, tau^2 = (50 - 1) / (2 - 1) = 49, mean 5, SE = sqrt((1 + 49) / 2).
        VehicleLevelPool.Estimate e = VehicleLevelPool.dersimonianLaird(new double[] {0, 10}, new double[] {1, 1});
        assertEquals(50, e.q(), 1e-9);
        assertEquals(7, e.tau(), 1e-9);
        assertEquals(5, e.mean(), 1e-9);
        assertEquals(5, e.standardError(), 1e-9);
        assertEquals(Math.sqrt(49 + 25), e.predictiveSd(), 1e-9);
        // Agreeing estimates: Q below its degrees of freedom, tau 0, the inverse-variance (fixed-effect) mean.
        VehicleLevelPool.Estimate f = VehicleLevelPool.dersimonianLaird(new double[] {1, 2, 1.5}, new double[] {1, 2, 1});
        assertEquals(0, f.tau(), 1e-12);
        assertEquals((1 + 2 / 4.0 + 1.5) / (1 + 0.25 + 1), f.mean(), 1e-9);
        assertEquals(f.mean(), f.shrunken(7, 1), 1e-12, "no spread: every unit is the mean");
        assertThrows(IllegalArgumentException.class,
                () -> VehicleLevelPool.dersimonianLaird(new double[] {1}, new double[] {1}));
    }
}
