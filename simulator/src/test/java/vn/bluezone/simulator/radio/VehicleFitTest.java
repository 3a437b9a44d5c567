package vn.bluezone.simulator.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import vn.bluezone.device.sim.Environment;

/** The vehicle environment's constants are the fit of the bus measurements (and of nothing else). */
class VehicleFitTest {

    @Test
    void busEnvironmentIsTheFitOfTheDublinBusData() {
        EnvironmentFit.Fit f = EnvironmentFit.fit(StudyData.read(StudyData.BUS));
        assertEquals(60, f.exposures());
        assertEquals(Environment.BUS.referenceDb(), f.interceptDb(), 0.05, f.toString());
        assertEquals(Environment.BUS.slopeDbPerDecade(), f.slopeDbPerDecade(), 0.05, f.toString());
        assertEquals(Environment.BUS.encounterSigmaDb(), f.encounterSigmaDb(), 0.05, f.toString());
        assertEquals(Environment.BUS.scanSigmaDb(), f.scanSigmaDb(), 0.05, f.toString());
        assertEquals(5.8, f.betweenSdDb(), 0.05);
        assertEquals(3.7, f.withinSdDb(), 0.05);
    }

    @Test
    void theTramIsAVehicleLikeTheBusButIsNotFitted() {
        assertEquals(Environment.BUS.referenceDb(), Environment.TRAM.referenceDb());
        assertEquals(Environment.BUS.slopeDbPerDecade(), Environment.TRAM.slopeDbPerDecade());
        // For the README's validation table only: what a fit of the tram data would give (never used).
        EnvironmentFit.Fit tram = EnvironmentFit.fit(StudyData.read(StudyData.TRAM));
        System.out.printf("tram (validation set, not used): %s%n", tram);
        assertEquals(70, tram.exposures());
    }
}
