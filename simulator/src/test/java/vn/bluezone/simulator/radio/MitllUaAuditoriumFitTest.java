package vn.bluezone.simulator.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.bluezone.simulator.radio.MitllUaFits.CWA_REFERENCE_DB;
import static vn.bluezone.simulator.radio.MitllUaFits.CWA_SLOPE_DB;
import static vn.bluezone.simulator.radio.MitllUaFits.fit;
import static vn.bluezone.simulator.radio.MitllUaFits.scans;

import org.junit.jupiter.api.Test;
import vn.bluezone.device.sim.Environment;

/**
 * The MITLL-UA auditorium (sixteen seated agents, nobody moves, receivers 2-13 m from the sick phone) fitted with the
 * same code as the classroom and the small party. The market environment's slope and spreads are the fit of test aud_2;
 * its level stays at the Corona-Warn-App's value at 2 m (the room's rule); aud_3, another sending phone at the same seat,
 * is never fitted and checks the slope out of sample (simulator/docs/radio.md).
 */
class MitllUaAuditoriumFitTest {
    private static double at2m(EnvironmentFit.Fit f) {
        return f.interceptDb() + f.slopeDbPerDecade() * Math.log10(2);
    }

    @Test
    void marketEnvironmentIsTheFitOfTheFirstAuditoriumTest() {
        EnvironmentFit.Fit f = fit(StudyData.MITLL_UA_AUDITORIUM);
        assertEquals(9, f.exposures());
        assertEquals(82, scans(StudyData.MITLL_UA_AUDITORIUM));
        assertEquals(62.6, f.interceptDb(), 0.05, f.toString());
        assertEquals(5.6, f.slopeStandardErrorDb(), 0.05, f.toString());
        assertEquals(4.3, f.betweenSdDb(), 0.05, f.toString());
        assertEquals(Environment.MARKET.slopeDbPerDecade(), f.slopeDbPerDecade(), 0.05, f.toString());
        assertEquals(Environment.MARKET.scanSigmaDb(), f.scanSigmaDb(), 0.05, f.toString());
        // As in the classroom, poses and calibration already give more spread than measured: no encounter term.
        assertEquals(0, f.encounterSigmaDb(), 1e-9);
        assertEquals(Environment.MARKET.encounterSigmaDb(), f.encounterSigmaDb(), 1e-9);
        // Nearly flat from 2 to 13 m: well below the Corona-Warn-App's 26.6 dB per decade the market used before.
        assertTrue(f.slopeDbPerDecade() + 1.96 * f.slopeStandardErrorDb() < CWA_SLOPE_DB, f.toString());
        // The level is the Corona-Warn-App's at 2 m (as for room and home), so the phone's threshold still means 2 m.
        double cwaAt2m = CWA_REFERENCE_DB + CWA_SLOPE_DB * Math.log10(2);
        assertEquals(cwaAt2m, Environment.MARKET.meanAttenuationDb(2), 0.05);
        // Open spaces have no measurement and keep the Corona-Warn-App model.
        assertEquals(CWA_SLOPE_DB, Environment.OPEN_SPACE.slopeDbPerDecade());
        assertEquals(CWA_REFERENCE_DB, Environment.OPEN_SPACE.referenceDb());
    }

    @Test
    void theOtherAuditoriumTestConfirmsTheSlopeAndRejectsTheOldOne() {
        EnvironmentFit.Fit fitted = fit(StudyData.MITLL_UA_AUDITORIUM);
        EnvironmentFit.Fit held = fit(StudyData.MITLL_UA_AUDITORIUM_VALIDATION);
        assertEquals(11, held.exposures());
        assertEquals(95, scans(StudyData.MITLL_UA_AUDITORIUM_VALIDATION));
        assertEquals(-0.3, held.slopeDbPerDecade(), 0.05, held.toString());
        assertEquals(5.3, held.slopeStandardErrorDb(), 0.05, held.toString());
        double se = Math.hypot(fitted.slopeStandardErrorDb(), held.slopeStandardErrorDb());
        assertTrue(Math.abs(held.slopeDbPerDecade() - Environment.MARKET.slopeDbPerDecade()) < 1.96 * se,
                "fitted " + fitted + " held out " + held);
        assertTrue(Math.abs(held.slopeDbPerDecade() - CWA_SLOPE_DB) > 1.96 * held.slopeStandardErrorDb(),
                "the held-out test does not reject the CWA slope: " + held);
        // Levels at 2 m: 64.8 dB (Galaxy A50 sender) and 61.3 dB (Moto g7 sender): the level follows the phones again.
        assertEquals(64.8, at2m(fitted), 0.05);
        assertEquals(61.3, at2m(held), 0.05);
    }
}
