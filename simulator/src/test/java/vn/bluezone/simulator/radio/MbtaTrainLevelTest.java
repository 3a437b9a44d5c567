package vn.bluezone.simulator.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bluezone.device.sim.CalibrationError;
import vn.bluezone.device.sim.Environment;
import vn.bluezone.protocol.risk.evaluation.FieldExposure;

/**
 * A third vehicle study, computed with the same fit as the Dublin bus and never fitted into the model (nor used as the
 * tram, which stays the held-out validation): the MITLL-UA MBTA train, one sending phone per test. It is vehicle-level
 * data for the pooled vehicle level (simulator/docs/radio.md, "A third vehicle: the MITLL-UA MBTA train").
 */
class MbtaTrainLevelTest {
    private static final double CALIBRATION_VARIANCE = 2 * Math.pow(CalibrationError.PER_PHONE_SIGMA_DB, 2);

    private static List<FieldExposure> exposures(String id) {
        return StudyData.read(StudyData.MITLL_UA_MBTA_TRAIN).stream()
                .filter(e -> e.pairId().startsWith(id + "-")).toList();
    }

    private static EnvironmentFit.Fit test(String id) {
        return EnvironmentFit.fit(exposures(id), CALIBRATION_VARIANCE);
    }

    private static double at2m(EnvironmentFit.Fit f) {
        return f.interceptDb() + f.slopeDbPerDecade() * Math.log10(2);
    }

    @Test
    void train2IsFlatterThanTheCoronaWarnAppModelAndFarBelowTheDublinBusLevel() {
        List<FieldExposure> data = exposures("train_2");
        EnvironmentFit.Fit moto = test("train_2");
        assertEquals(12, moto.exposures());
        assertEquals(68, data.stream().mapToInt(e -> e.histogram().seconds().length).sum());
        assertEquals(1.43, data.stream().mapToDouble(FieldExposure::distanceM).min().orElseThrow(), 1e-9);
        assertEquals(15.67, data.stream().mapToDouble(FieldExposure::distanceM).max().orElseThrow(), 1e-9);
        assertEquals(45.0, moto.interceptDb(), 0.05, moto.toString());
        assertEquals(15.4, moto.slopeDbPerDecade(), 0.05, moto.toString());
        assertEquals(4.8, moto.slopeStandardErrorDb(), 0.05, moto.toString());
        assertEquals(5.0, moto.betweenSdDb(), 0.05, moto.toString());
        assertEquals(1.7, moto.withinSdDb(), 0.05, moto.toString());
        // Below the Corona-Warn-App's 26.6 dB per decade by more than 1.96 standard errors, as the other vehicles.
        assertTrue(moto.slopeDbPerDecade() + 1.96 * moto.slopeStandardErrorDb() < 26.6, moto.toString());
        // Level at 2 m 49.7 dB (Moto e6 sender): 25.4 dB below the Dublin bus that the model's vehicles use.
        assertEquals(49.7, at2m(moto), 0.05);
        assertEquals(25.4, Environment.BUS.meanAttenuationDb(2) - at2m(moto), 0.1);
    }
}
