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
 * The MITLL-UA small-party measurements (eight agents, several Android models, known positions) fitted with the same
 * code as the classroom. The home environment's slope and spreads are the fit of test small_party_2; its level stays
 * at the Corona-Warn-App's value at 2 m (the room's rule); small_party_3 is never fitted and checks the slope out of
 * sample (simulator/docs/radio.md).
 */
class MitllUaHomeFitTest {
    @Test
    void homeEnvironmentIsTheFitOfTheFirstSmallPartyTest() {
        EnvironmentFit.Fit f = fit(StudyData.MITLL_UA_SMALL_PARTY);
        assertEquals(16, f.exposures());
        assertEquals(63, scans(StudyData.MITLL_UA_SMALL_PARTY));
        assertEquals(47.9, f.interceptDb(), 0.05, f.toString());
        assertEquals(6.5, f.betweenSdDb(), 0.05, f.toString());
        assertEquals(4.9, f.slopeStandardErrorDb(), 0.05, f.toString());
        assertEquals(Environment.HOME.slopeDbPerDecade(), f.slopeDbPerDecade(), 0.05, f.toString());
        assertEquals(Environment.HOME.scanSigmaDb(), f.scanSigmaDb(), 0.05, f.toString());
        // Unlike the classroom, the spread between exposures exceeds poses plus calibration: an encounter term is left.
        assertEquals(Environment.HOME.encounterSigmaDb(), f.encounterSigmaDb(), 0.05, f.toString());
        assertTrue(f.encounterSigmaDb() > 0, f.toString());
        // The slope is well below the Corona-Warn-App's 26.6 dB per decade that homes used before.
        assertTrue(f.slopeDbPerDecade() + 1.96 * f.slopeStandardErrorDb() < CWA_SLOPE_DB, f.toString());
        // The level is the Corona-Warn-App's at 2 m (as for the room), so the phone's threshold still means 2 m.
        double cwaAt2m = CWA_REFERENCE_DB + CWA_SLOPE_DB * Math.log10(2);
        assertEquals(cwaAt2m, Environment.HOME.meanAttenuationDb(2), 0.05);
    }

    @Test
    void theOtherSmallPartyTestConfirmsTheSlopeAndRejectsTheOldOne() {
        EnvironmentFit.Fit fitted = fit(StudyData.MITLL_UA_SMALL_PARTY);
        EnvironmentFit.Fit held = fit(StudyData.MITLL_UA_SMALL_PARTY_VALIDATION);
        assertEquals(16, held.exposures());
        assertEquals(61, scans(StudyData.MITLL_UA_SMALL_PARTY_VALIDATION));
        assertEquals(7.8, held.slopeDbPerDecade(), 0.05, held.toString());
        assertEquals(4.1, held.slopeStandardErrorDb(), 0.05, held.toString());
        double se = Math.hypot(fitted.slopeStandardErrorDb(), held.slopeStandardErrorDb());
        assertTrue(Math.abs(held.slopeDbPerDecade() - Environment.HOME.slopeDbPerDecade()) < 1.96 * se,
                "fitted " + fitted + " held out " + held);
        assertTrue(Math.abs(held.slopeDbPerDecade() - CWA_SLOPE_DB) > 1.96 * held.slopeStandardErrorDb(),
                "the held-out test does not reject the CWA slope: " + held);
        // Both tests' levels at 2 m (Moto e6 and Galaxy S7 senders) lie 5-6 dB below the anchored 58.3 dB.
        double fitAt2m = fitted.interceptDb() + fitted.slopeDbPerDecade() * Math.log10(2);
        double heldAt2m = held.interceptDb() + held.slopeDbPerDecade() * Math.log10(2);
        assertEquals(52.5, fitAt2m, 0.1);
        assertEquals(53.4, heldAt2m, 0.1);
    }
}
