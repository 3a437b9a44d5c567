package vn.bluezone.simulator.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.bluezone.simulator.radio.MitllUaFits.CALIBRATION_VARIANCE;
import static vn.bluezone.simulator.radio.MitllUaFits.CWA_REFERENCE_DB;
import static vn.bluezone.simulator.radio.MitllUaFits.CWA_SLOPE_DB;
import static vn.bluezone.simulator.radio.MitllUaFits.fit;
import static vn.bluezone.simulator.radio.MitllUaFits.scans;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bluezone.device.sim.Environment;
import vn.bluezone.protocol.risk.evaluation.FieldExposure;

/**
 * The evidence for the simulator's meetings (two-person encounters in the open, {@code PlaceKind.MEETING}): the
 * MITLL-UA small hall (a speaker and an audience, 3.9-12.1 m) and the bus-stop queue, each fitted on one test and checked
 * on another. Neither moves the open space off the Corona-Warn-App model: the hall is too short a range of distances to
 * set a slope, and the queue passes the check but is no stand-in for two people facing each other
 * (simulator/docs/radio.md, "Meetings and open space").
 */
class MitllUaSmallHallFitTest {
    private static double at2m(EnvironmentFit.Fit f) {
        return f.interceptDb() + f.slopeDbPerDecade() * Math.log10(2);
    }

    private static EnvironmentFit.Fit queueTest(String test) {
        List<FieldExposure> one = StudyData.read(StudyData.MITLL_UA_QUEUE).stream()
                .filter(e -> e.pairId().startsWith(test + "-")).toList();
        return EnvironmentFit.fit(one, CALIBRATION_VARIANCE);
    }

    @Test
    void theSmallHallFitIsFlatButTooNarrowInDistanceToSetASlope() {
        EnvironmentFit.Fit f = fit(StudyData.MITLL_UA_SMALL_HALL);
        assertEquals(9, f.exposures());
        assertEquals(76, scans(StudyData.MITLL_UA_SMALL_HALL));
        assertEquals(54.0, f.interceptDb(), 0.05, f.toString());
        assertEquals(5.8, f.slopeDbPerDecade(), 0.05, f.toString());
        assertEquals(11.2, f.slopeStandardErrorDb(), 0.05, f.toString());
        assertEquals(3.7, f.betweenSdDb(), 0.05, f.toString());
        assertEquals(1.1, f.scanSigmaDb(), 0.05, f.toString());
        assertEquals(0, f.encounterSigmaDb(), 1e-9);
        // Receivers at 5.1-11.7 m only (a factor of 2.3): the slope's error is so large that the test cannot even tell
        // the measured rooms (7.3 dB per decade) from the Corona-Warn-App model (26.6).
        assertTrue(CWA_SLOPE_DB - f.slopeDbPerDecade() < 1.96 * f.slopeStandardErrorDb(), f.toString());
        assertEquals(55.7, at2m(f), 0.05);
    }

    @Test
    void theOtherSmallHallTestAgreesAndIsAsUninformative() {
        EnvironmentFit.Fit fitted = fit(StudyData.MITLL_UA_SMALL_HALL);
        EnvironmentFit.Fit held = fit(StudyData.MITLL_UA_SMALL_HALL_VALIDATION);
        assertEquals(7, held.exposures());
        assertEquals(60, scans(StudyData.MITLL_UA_SMALL_HALL_VALIDATION));
        assertEquals(4.2, held.slopeDbPerDecade(), 0.05, held.toString());
        assertEquals(21.7, held.slopeStandardErrorDb(), 0.05, held.toString());
        assertEquals(6.6, held.betweenSdDb(), 0.05, held.toString());
        double se = Math.hypot(fitted.slopeStandardErrorDb(), held.slopeStandardErrorDb());
        assertTrue(Math.abs(held.slopeDbPerDecade() - fitted.slopeDbPerDecade()) < 1.96 * se,
                "fitted " + fitted + " held out " + held);
        // Consistent with the room's fit as well, and with the Corona-Warn-App model: it decides nothing.
        assertTrue(Math.abs(held.slopeDbPerDecade() - Environment.ROOM.slopeDbPerDecade()) < 1.96 * se);
        assertTrue(Math.abs(held.slopeDbPerDecade() - CWA_SLOPE_DB) < 1.96 * held.slopeStandardErrorDb(), held.toString());
        // Levels at 2 m, 55.7 dB (Pixel 3a sender) and 66.7 dB (Galaxy A50 sender): the level follows the phones again.
        assertEquals(66.7, at2m(held), 0.05);
    }

    @Test
    void theQueueFittedOnOneTestHoldsOnTheOtherButOpenSpaceKeepsTheCwaModel() {
        EnvironmentFit.Fit fitted = queueTest("bus_q_1");
        EnvironmentFit.Fit held = queueTest("bus_q_3");
        assertEquals(6, fitted.exposures());
        assertEquals(7, held.exposures());
        assertEquals(1.4, fitted.slopeDbPerDecade(), 0.05, fitted.toString());
        assertEquals(4.1, fitted.slopeStandardErrorDb(), 0.05, fitted.toString());
        assertEquals(2.0, fitted.betweenSdDb(), 0.05, fitted.toString());
        assertEquals(0.4, fitted.scanSigmaDb(), 0.05, fitted.toString());
        assertEquals(1.2, held.slopeDbPerDecade(), 0.05, held.toString());
        assertEquals(5.8, held.slopeStandardErrorDb(), 0.05, held.toString());
        double se = Math.hypot(fitted.slopeStandardErrorDb(), held.slopeStandardErrorDb());
        assertTrue(Math.abs(held.slopeDbPerDecade() - fitted.slopeDbPerDecade()) < 1.96 * se);
        assertTrue(Math.abs(held.slopeDbPerDecade() - CWA_SLOPE_DB) > 1.96 * held.slopeStandardErrorDb(), held.toString());
        // Not taken for open space: a single file with a body between every pair, in a venue the data do not name,
        // is not two people facing each other outdoors.
        assertEquals(CWA_SLOPE_DB, Environment.OPEN_SPACE.slopeDbPerDecade());
        assertEquals(CWA_REFERENCE_DB, Environment.OPEN_SPACE.referenceDb());
    }
}
