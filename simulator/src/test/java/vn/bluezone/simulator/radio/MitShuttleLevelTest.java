package vn.bluezone.simulator.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bluezone.device.sim.CalibrationError;
import vn.bluezone.protocol.risk.evaluation.FieldExposure;

/**
 * Another vehicle, computed with the same fit as the Dublin bus and never fitted into the model: the MITLL-UA MIT
 * shuttle (tests shuttle_2, sick Pixel 3a, and shuttle_3, sick Galaxy A50; each receiver gives two exposures, before and
 * after the sick agent's move).
 * Vehicle-level data, never the tram (simulator/docs/radio.md, "A fourth vehicle: the MIT shuttle").
 */
class MitShuttleLevelTest {
    private static final double CALIBRATION_VARIANCE = 2 * Math.pow(CalibrationError.PER_PHONE_SIGMA_DB, 2);
    /** The Dublin bus fit's rounded constants at 2 m (74.4 dB + 2.2 dB per decade: the vehicle level until the pool). */
    private static final double DUBLIN_BUS_AT_2M = 74.4 + 2.2 * Math.log10(2);

    private static List<FieldExposure> exposures(String resource, String test) {
        return StudyData.read(resource).stream().filter(e -> e.pairId().startsWith(test + "-")).toList();
    }

    private static EnvironmentFit.Fit test(String id) {
        return EnvironmentFit.fit(exposures(StudyData.MITLL_UA_MIT_SHUTTLE, id), CALIBRATION_VARIANCE);
    }

    private static double at2m(EnvironmentFit.Fit f) {
        return f.interceptDb() + f.slopeDbPerDecade() * Math.log10(2);
    }

    private static EnvironmentFit.Fit mbta(String id) {
        return EnvironmentFit.fit(exposures(StudyData.MITLL_UA_MBTA_BUS, id), CALIBRATION_VARIANCE);
    }

    @Test
    void bothTestsCoverTheSameSeatsWithTwentyExposures() {
        for (String id : List.of("shuttle_2", "shuttle_3")) {
            List<FieldExposure> data = exposures(StudyData.MITLL_UA_MIT_SHUTTLE, id);
            assertEquals(20, data.size(), id);
            assertEquals(0.43, data.stream().mapToDouble(FieldExposure::distanceM).min().orElseThrow(), 1e-9, id);
            assertEquals(4.97, data.stream().mapToDouble(FieldExposure::distanceM).max().orElseThrow(), 1e-9, id);
        }
    }

    @Test
    void withAPixelSenderTheShuttleIsFlatterThanTheCoronaWarnAppModelAndFarBelowTheDublinBus() {
        EnvironmentFit.Fit pixel = test("shuttle_2");
        assertEquals(20, pixel.exposures(), pixel.toString());
        assertEquals(43.9, pixel.interceptDb(), 0.05, pixel.toString());
        assertEquals(14.8, pixel.slopeDbPerDecade(), 0.05, pixel.toString());
        assertEquals(4.0, pixel.slopeStandardErrorDb(), 0.05, pixel.toString());
        assertEquals(5.4, pixel.betweenSdDb(), 0.05, pixel.toString());
        assertEquals(2.6, pixel.withinSdDb(), 0.05, pixel.toString());
        // Flatter than the Corona-Warn-App's 26.6 dB per decade, like every vehicle measured so far.
        assertTrue(pixel.slopeDbPerDecade() + 1.96 * pixel.slopeStandardErrorDb() < 26.6, pixel.toString());
        // Level at 2 m 48.3 dB: 26.7 dB below the Dublin bus (its own fit) and 5.4 dB below the MBTA bus
        // test with the same sending model (Pixel 3a, TX -29 dBm): the Dublin level does not transfer.
        assertEquals(48.3, at2m(pixel), 0.05);
        assertEquals(26.7, DUBLIN_BUS_AT_2M - at2m(pixel), 0.05);
        assertEquals(5.4, at2m(mbta("mbta_bus_2")) - at2m(pixel), 0.05);
    }

    @Test
    void withAGalaxySenderTheLevelIsElevenDbHigherAndCloseToTheMbtaBus() {
        EnvironmentFit.Fit galaxy = test("shuttle_3");
        assertEquals(20, galaxy.exposures(), galaxy.toString());
        assertEquals(57.6, galaxy.interceptDb(), 0.05, galaxy.toString());
        assertEquals(7.4, galaxy.slopeDbPerDecade(), 0.05, galaxy.toString());
        assertEquals(4.5, galaxy.slopeStandardErrorDb(), 0.05, galaxy.toString());
        assertEquals(5.4, galaxy.betweenSdDb(), 0.05, galaxy.toString());
        assertEquals(2.7, galaxy.withinSdDb(), 0.05, galaxy.toString());
        assertTrue(galaxy.slopeDbPerDecade() + 1.96 * galaxy.slopeStandardErrorDb() < 26.6, galaxy.toString());
        // Level at 2 m 59.8 dB: 11.5 dB above shuttle_2 (same shuttle and seats, the sender changed, as in the classroom
        // and the MBTA bus), 15.3 dB below the Dublin bus and 1.2 dB below the MBTA bus test with the same sending model.
        assertEquals(59.8, at2m(galaxy), 0.05);
        assertEquals(11.5, at2m(galaxy) - at2m(test("shuttle_2")), 0.05);
        assertEquals(15.3, DUBLIN_BUS_AT_2M - at2m(galaxy), 0.05);
        assertEquals(1.2, at2m(mbta("mbta_bus_3")) - at2m(galaxy), 0.05);
    }
}
