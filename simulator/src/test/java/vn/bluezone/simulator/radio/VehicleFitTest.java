package vn.bluezone.simulator.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import vn.bluezone.device.sim.Environment;

/**
 * The Dublin bus fit: its own intercept and slope (one vehicle of the pool, {@link VehicleLevelPoolTest}) and the
 * spreads within a vehicle, which the vehicle environments take from it (one phone model: no calibration error in
 * them).
 */
class VehicleFitTest {

    @Test
    void theVehiclesSpreadsAreTheFitOfTheDublinBusData() {
        EnvironmentFit.Fit f = EnvironmentFit.fit(StudyData.read(StudyData.BUS));
        assertEquals(60, f.exposures());
        assertEquals(74.4, f.interceptDb(), 0.05, f.toString());
        assertEquals(2.2, f.slopeDbPerDecade(), 0.05, f.toString());
        assertEquals(5.8, f.betweenSdDb(), 0.05);
        assertEquals(3.7, f.withinSdDb(), 0.05);
        for (Environment vehicle : new Environment[] {Environment.BUS, Environment.TRAM}) {
            assertEquals(vehicle.encounterSigmaDb(), f.encounterSigmaDb(), 0.05, f.toString());
            assertEquals(vehicle.scanSigmaDb(), f.scanSigmaDb(), 0.05, f.toString());
        }
    }

    @Test
    void theTramIsAVehicleLikeTheBusButIsNotFitted() {
        assertEquals(Environment.BUS.referenceDb(), Environment.TRAM.referenceDb());
        assertEquals(Environment.BUS.slopeDbPerDecade(), Environment.TRAM.slopeDbPerDecade());
        assertEquals(Environment.BUS.rideLevelSigmaDb(), Environment.TRAM.rideLevelSigmaDb());
        // For the README's validation table only: what a fit of the tram data would give (never used).
        EnvironmentFit.Fit tram = EnvironmentFit.fit(StudyData.read(StudyData.TRAM));
        System.out.printf("tram (validation set, not used): %s%n", tram);
        assertEquals(70, tram.exposures());
    }
}
