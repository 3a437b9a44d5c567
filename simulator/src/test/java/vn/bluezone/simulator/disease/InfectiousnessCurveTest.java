package vn.bluezone.simulator.disease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The infectiousness curve is Ferretti et al.'s generation-time density as published, not cut around onset. */
class InfectiousnessCurveTest {
    private static final double DT = 0.01;

    private final DiseaseParameters p = DiseaseParameters.load();
    private final Epidemic epi = new Epidemic(p, 11, 4000);

    private double integral(int person, double upToDays) {
        double sum = 0;
        for (double tau = DT / 2; tau < upToDays; tau += DT) {
            sum += epi.infectiousnessAt(person, tau) * DT;
        }
        return sum;
    }

    @Test
    void integratesToOneForASymptomaticCaseAndToTheRelativeFactorForAnAsymptomaticOne() {
        int symptomatic = 0;
        int asymptomatic = 0;
        for (int person = 0; person < 200; person++) {
            double total = integral(person, 30);
            if (epi.asymptomatic(person)) {
                asymptomatic++;
                assertEquals(p.asymptomaticRelativeInfectiousness(), total, 0.001, "person " + person);
            } else {
                symptomatic++;
                assertEquals(1.0, total, 0.001, "person " + person);
            }
        }
        assertTrue(symptomatic > 100 && asymptomatic > 30, symptomatic + " / " + asymptomatic);
    }

    /**
     * Ferretti et al. (Science 2020, Fig. 2): R_P = 0.9 presymptomatic and R_S = 0.8 symptomatic, so 0.9 / 1.7 = 53 %
     * of symptomatic people's transmission happens before onset. The curve with the incubation distribution gives
     * 55 % (numerical integral); the old window (infectious from 2.3 days before onset) gave about half that.
     */
    @Test
    void presymptomaticShareMatchesFerretti() {
        double pre = 0;
        double all = 0;
        for (int person = 0; person < 4000; person++) {
            if (epi.asymptomatic(person)) {
                continue;
            }
            pre += integral(person, epi.incubationDays(person));
            all += integral(person, 30);
        }
        assertEquals(0.9 / 1.7, pre / all, 0.04);
    }

    @Test
    void nothingBeforeInfectionAndTheCurveEnds() {
        epi.infect(0, 3 * 1440 + 900, -1); // infected on day 3 at 15:00, after noon
        assertEquals(0, epi.infectiousnessOnDay(0, 2));
        assertEquals(0, epi.infectiousnessOnDay(0, 3));
        assertTrue(epi.infectiousnessOnDay(0, 4) > 0);
        assertTrue(epi.isInfectious(0, 3 * 1440 + 901));
        assertEquals(12.43, p.infectiousnessEndDays(), 0.01);
        assertEquals(0, epi.infectiousnessOnDay(0, 3 + 14));
    }
}
