package vn.bluezone.simulator.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bluezone.device.sim.CalibrationError;
import vn.bluezone.protocol.risk.evaluation.FieldExposure;

/**
 * A second vehicle study, each test fitted alone with the same fit as the Dublin bus: the MITLL-UA MBTA bus (tests
 * mbta_bus_2 and mbta_bus_3, one sending phone each). It showed that the vehicle level does not transfer from the
 * Dublin bus; since then it is one vehicle of the pool ({@link VehicleLevelPoolTest}, simulator/docs/radio.md).
 */
class MbtaBusLevelTest {
    private static final double CALIBRATION_VARIANCE = 2 * Math.pow(CalibrationError.PER_PHONE_SIGMA_DB, 2);

    private static EnvironmentFit.Fit test(String id) {
        List<FieldExposure> data = StudyData.read(StudyData.MITLL_UA_MBTA_BUS).stream()
                .filter(e -> e.pairId().startsWith(id + "-")).toList();
        return EnvironmentFit.fit(data, CALIBRATION_VARIANCE);
    }

    private static double at2m(EnvironmentFit.Fit f) {
        return f.interceptDb() + f.slopeDbPerDecade() * Math.log10(2);
    }

    @Test
    void bothMbtaTestsAreNearlyFlatButFarBelowTheDublinBusLevel() {
        EnvironmentFit.Fit pixel = test("mbta_bus_2");
        EnvironmentFit.Fit galaxy = test("mbta_bus_3");
        EnvironmentFit.Fit dublinBus = EnvironmentFit.fit(StudyData.read(StudyData.BUS));
        EnvironmentFit.Fit dublinTram = EnvironmentFit.fit(StudyData.read(StudyData.TRAM));
        assertEquals(11, pixel.exposures());
        assertEquals(50.8, pixel.interceptDb(), 0.05, pixel.toString());
        assertEquals(9.6, pixel.slopeDbPerDecade(), 0.05, pixel.toString());
        assertEquals(3.1, pixel.slopeStandardErrorDb(), 0.05, pixel.toString());
        assertEquals(2.6, pixel.betweenSdDb(), 0.05, pixel.toString());
        assertEquals(1.8, pixel.withinSdDb(), 0.05, pixel.toString());
        assertEquals(10, galaxy.exposures());
        assertEquals(58.4, galaxy.interceptDb(), 0.05, galaxy.toString());
        assertEquals(8.7, galaxy.slopeDbPerDecade(), 0.05, galaxy.toString());
        assertEquals(5.3, galaxy.slopeStandardErrorDb(), 0.05, galaxy.toString());
        assertEquals(4.2, galaxy.betweenSdDb(), 0.05, galaxy.toString());
        for (EnvironmentFit.Fit f : List.of(pixel, galaxy)) {
            // Nearly flat, like the Dublin vehicles (well below the Corona-Warn-App's 26.6 dB per decade).
            assertTrue(f.slopeDbPerDecade() + 1.96 * f.slopeStandardErrorDb() < 26.6, f.toString());
        }
        // Levels at 2 m: 53.7 dB (Pixel 3a sender) and 61.0 dB (Galaxy A50 sender), 21.4 and 14.0 dB below the Dublin
        // bus (each test with its own slope), 11.3 and 4.0 dB below the Dublin tram: the vehicle level does not transfer.
        assertEquals(53.7, at2m(pixel), 0.05);
        assertEquals(61.0, at2m(galaxy), 0.05);
        assertEquals(21.4, at2m(dublinBus) - at2m(pixel), 0.1);
        assertEquals(14.0, at2m(dublinBus) - at2m(galaxy), 0.1);
        assertEquals(11.3, at2m(dublinTram) - at2m(pixel), 0.1);
        assertEquals(4.0, at2m(dublinTram) - at2m(galaxy), 0.1);
    }
}
