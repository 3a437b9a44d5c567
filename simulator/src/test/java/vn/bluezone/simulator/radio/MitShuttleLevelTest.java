package vn.bluezone.simulator.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bluezone.device.sim.CalibrationError;
import vn.bluezone.device.sim.Environment;
import vn.bluezone.protocol.risk.evaluation.FieldExposure;

/**
 * Another vehicle, computed with the same fit as the Dublin bus and never fitted into the model: the MITLL-UA MIT
 * shuttle (test shuttle_2, sick Pixel 3a; each receiver gives two exposures, before and after the sick agent's move).
 * Vehicle-level data, never the tram (simulator/docs/radio.md, "A fourth vehicle: the MIT shuttle").
 */
class MitShuttleLevelTest {
    private static final double CALIBRATION_VARIANCE = 2 * Math.pow(CalibrationError.PER_PHONE_SIGMA_DB, 2);

    private static List<FieldExposure> exposures(String resource, String test) {
        return StudyData.read(resource).stream().filter(e -> e.pairId().startsWith(test + "-")).toList();
    }

    private static EnvironmentFit.Fit test(String id) {
        return EnvironmentFit.fit(exposures(StudyData.MITLL_UA_MIT_SHUTTLE, id), CALIBRATION_VARIANCE);
    }

    private static double at2m(EnvironmentFit.Fit f) {
        return f.interceptDb() + f.slopeDbPerDecade() * Math.log10(2);
    }

    @Test
    void theShuttleIsFlatterThanTheCoronaWarnAppModelAndItsLevelFarBelowTheDublinBus() {
        EnvironmentFit.Fit pixel = test("shuttle_2");
        List<FieldExposure> data = exposures(StudyData.MITLL_UA_MIT_SHUTTLE, "shuttle_2");
        assertEquals(20, pixel.exposures(), pixel.toString());
        assertEquals(0.43, data.stream().mapToDouble(FieldExposure::distanceM).min().orElseThrow(), 1e-9);
        assertEquals(4.97, data.stream().mapToDouble(FieldExposure::distanceM).max().orElseThrow(), 1e-9);
        assertEquals(43.9, pixel.interceptDb(), 0.05, pixel.toString());
        assertEquals(14.8, pixel.slopeDbPerDecade(), 0.05, pixel.toString());
        assertEquals(4.0, pixel.slopeStandardErrorDb(), 0.05, pixel.toString());
        assertEquals(5.4, pixel.betweenSdDb(), 0.05, pixel.toString());
        assertEquals(2.6, pixel.withinSdDb(), 0.05, pixel.toString());
        // Flatter than the Corona-Warn-App's 26.6 dB per decade, like every vehicle measured so far.
        assertTrue(pixel.slopeDbPerDecade() + 1.96 * pixel.slopeStandardErrorDb() < 26.6, pixel.toString());
        // Level at 2 m 48.3 dB: 26.7 dB below the Dublin bus (the model's vehicle level) and 5.4 dB below the MBTA bus
        // test with the same sending model (Pixel 3a, TX -29 dBm): the vehicle level does not transfer.
        assertEquals(48.3, at2m(pixel), 0.05);
        assertEquals(26.7, Environment.BUS.meanAttenuationDb(2) - at2m(pixel), 0.05);
        EnvironmentFit.Fit mbtaPixel = EnvironmentFit.fit(exposures(StudyData.MITLL_UA_MBTA_BUS, "mbta_bus_2"),
                CALIBRATION_VARIANCE);
        assertEquals(5.4, at2m(mbtaPixel) - at2m(pixel), 0.05);
    }
}
