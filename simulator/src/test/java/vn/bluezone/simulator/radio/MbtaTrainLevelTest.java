package vn.bluezone.simulator.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bluezone.device.sim.CalibrationError;
import vn.bluezone.protocol.risk.evaluation.FieldExposure;

/**
 * A third vehicle study, computed per test with the same fit as the Dublin bus and never fitted into the model (nor
 * used as the tram, which stays the held-out validation): the MITLL-UA MBTA train, tests train_2 and train_3, one
 * sending phone each. It is vehicle-level data for the pooled vehicle level (simulator/docs/radio.md, "A third vehicle:
 * the MITLL-UA MBTA train").
 */
class MbtaTrainLevelTest {
    private static final double CALIBRATION_VARIANCE = 2 * Math.pow(CalibrationError.PER_PHONE_SIGMA_DB, 2);
    private static final double CORONA_WARN_APP_SLOPE = 26.6;

    private static List<FieldExposure> exposures(String id) {
        return StudyData.read(StudyData.MITLL_UA_MBTA_TRAIN).stream()
                .filter(e -> e.pairId().startsWith(id + "-")).toList();
    }

    private static EnvironmentFit.Fit fit(String id) {
        return EnvironmentFit.fit(exposures(id), CALIBRATION_VARIANCE);
    }

    private static double at2m(EnvironmentFit.Fit f) {
        return f.interceptDb() + f.slopeDbPerDecade() * Math.log10(2);
    }

    private static int scans(List<FieldExposure> data) {
        return data.stream().mapToInt(e -> e.histogram().seconds().length).sum();
    }

    private static double nearest(List<FieldExposure> data) {
        return data.stream().mapToDouble(FieldExposure::distanceM).min().orElseThrow();
    }

    private static double farthest(List<FieldExposure> data) {
        return data.stream().mapToDouble(FieldExposure::distanceM).max().orElseThrow();
    }

    @Test
    void train2SenderMotoE6IsFlatterThanTheCoronaWarnAppModel() {
        List<FieldExposure> data = exposures("train_2");
        EnvironmentFit.Fit f = fit("train_2");
        assertEquals(12, f.exposures());
        assertEquals(68, scans(data));
        assertEquals(1.43, nearest(data), 1e-9);
        assertEquals(15.67, farthest(data), 1e-9);
        assertEquals(45.0, f.interceptDb(), 0.05, f.toString());
        assertEquals(15.4, f.slopeDbPerDecade(), 0.05, f.toString());
        assertEquals(4.8, f.slopeStandardErrorDb(), 0.05, f.toString());
        assertEquals(5.0, f.betweenSdDb(), 0.05, f.toString());
        assertEquals(1.7, f.withinSdDb(), 0.05, f.toString());
        assertEquals(49.7, at2m(f), 0.05, f.toString());
        // Below the Corona-Warn-App's slope by more than 1.96 standard errors (15.4 + 9.4 = 24.8 < 26.6).
        assertTrue(f.slopeDbPerDecade() + 1.96 * f.slopeStandardErrorDb() < CORONA_WARN_APP_SLOPE, f.toString());
    }

    @Test
    void train3SenderMotoG7IsSteeperAndCannotRejectTheCoronaWarnAppSlope() {
        List<FieldExposure> data = exposures("train_3");
        EnvironmentFit.Fit f = fit("train_3");
        assertEquals(11, f.exposures());
        assertEquals(68, scans(data));
        assertEquals(1.12, nearest(data), 1e-9);
        assertEquals(15.67, farthest(data), 1e-9);
        assertEquals(44.7, f.interceptDb(), 0.05, f.toString());
        assertEquals(19.3, f.slopeDbPerDecade(), 0.05, f.toString());
        assertEquals(5.2, f.slopeStandardErrorDb(), 0.05, f.toString());
        assertEquals(5.4, f.betweenSdDb(), 0.05, f.toString());
        assertEquals(1.2, f.withinSdDb(), 0.05, f.toString());
        assertEquals(50.5, at2m(f), 0.05, f.toString());
        // 19.3 + 1.96 x 5.2 = 29.5: this test alone does not tell the train from the Corona-Warn-App slope.
        assertTrue(f.slopeDbPerDecade() + 1.96 * f.slopeStandardErrorDb() > CORONA_WARN_APP_SLOPE, f.toString());
    }

    @Test
    void bothTrainTestsSitFarBelowTheDublinLevelsAndBelowTheMbtaBus() {
        double moto = at2m(fit("train_2"));
        double motoG7 = at2m(fit("train_3"));
        double dublinBus = at2m(EnvironmentFit.fit(StudyData.read(StudyData.BUS)));
        double dublinTram = at2m(EnvironmentFit.fit(StudyData.read(StudyData.TRAM)));
        // The two senders (Moto e6, TX -24 dBm; Moto g7, TX -23 dBm) agree within 1 dB at 2 m.
        assertEquals(0.9, motoG7 - moto, 0.1);
        // 25.4 and 24.6 dB below the Dublin bus (its own fit), 15.3 and 14.5 below the Dublin tram.
        assertEquals(25.4, dublinBus - moto, 0.1);
        assertEquals(24.6, dublinBus - motoG7, 0.1);
        assertEquals(15.3, dublinTram - moto, 0.1);
        assertEquals(14.5, dublinTram - motoG7, 0.1);
        // Below both MBTA bus tests too (53.7 and 61.0 dB at 2 m, MbtaBusLevelTest).
        assertTrue(Math.max(moto, motoG7) < 53.7);
    }
}
