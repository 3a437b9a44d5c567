package vn.bluezone.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bluezone.protocol.risk.RiskConfiguration;
import vn.bluezone.simulator.disease.DiseaseParameters;
import vn.bluezone.simulator.disease.Epidemic;
import vn.bluezone.simulator.tracing.ContactLog;
import vn.bluezone.simulator.util.IntList;

/** Truth and warnings are scored by the case's infectiousness on the day of contact. */
class KeyPublicationTest {
    private static final int CASE = 0;
    private static final int BEFORE = 1;
    private static final int AFTER = 2;
    private static final int NEVER_MET = 3;
    /** The case: infected on day 1, so its onset (days 6-9) leaves days of every map class inside 14 days. */
    private static Epidemic caseInfectedOnDayOne() {
        Epidemic epi = new Epidemic(DiseaseParameters.load(), 5, 4);
        epi.infect(CASE, 1440, -1);
        return epi;
    }

    /** A fifth person (logs of five people) for the weighting tests. */
    private static final int THIRD = 4;

    /** The case met the partners that day; a detected log holds 30 near minutes per pair. */
    private static void contact(ContactLog log, int day, int... partners) {
        IntList a = new IntList();
        IntList b = new IntList();
        IntList m = new IntList();
        for (int p : partners) {
            a.add(CASE);
            b.add(p);
            m.add(30);
        }
        log.store(day, a, b, m);
    }


    @Test
    void aContactBeforeTheCaseWasInfectiousIsNoTrueF1AndItsWarningIsAFalseOne() {
        Epidemic epi = new Epidemic(DiseaseParameters.load(), 5, 4);
        epi.infect(CASE, 4 * 1440 + 600, -1); // infected on day 4 in the morning
        ContactLog truth = new ContactLog(4);
        ContactLog detected = new ContactLog(4);
        for (int day = 0; day <= 10; day++) {
            // BEFORE met the case on days 1-3 only, AFTER on days 6-8 only; the phones logged both.
            int[] met = day >= 1 && day <= 3 ? new int[] {BEFORE} : day >= 6 && day <= 8 ? new int[] {AFTER} : new int[0];
            contact(truth, day, met);
            contact(detected, day, met);
        }
        RunResult r = new RunResult();
        KeyPublication pub = new KeyPublication(epi, truth, detected, r, 4);
        List<Integer> warned = new ArrayList<>();
        int published = 10 * 1440 + 60;
        // The case's key days since onset (onset, or the report day without symptoms): days 1-3 are 5 or more days
        // before it (none in the shipped map), days 6-8 inside -4..5.
        int onsetDay = Math.min(epi.onsetMinute(CASE), published) / 1440;
        assertTrue(onsetDay >= 8 && onsetDay <= 10, "onset day " + onsetDay);
        pub.publish(CASE, published, false, true, (u, c, rec, t) -> warned.add(u));

        assertEquals(List.of(AFTER), warned, "phones drop the days the map says the case was not infectious");
        assertEquals(1, r.warningPairsWarned);
        assertEquals(1, r.warningPairsTruth, "only the contact while infectious is a true F1");
        assertEquals(1, r.warningPairsTp);
        assertTrue(pub.shouldBeWarned[AFTER]);
        assertFalse(pub.shouldBeWarned[BEFORE], "not a missed one either");
        assertFalse(pub.shouldBeWarned[NEVER_MET]);
        assertEquals(CASE, pub.lastTruthCase[AFTER]);
    }

    @Test
    void aContactWhileInfectiousButFiveDaysBeforeOnsetIsTheMapsPriceInRecall() {
        // The case is infectious from infection on (Ferretti's curve), but its key 5 days before onset is "none" in
        // the shipped map: that contact is a true F1 the phone no longer warns; one the day after onset still warns.
        Epidemic epi = new Epidemic(DiseaseParameters.load(), 5, 4);
        epi.infect(CASE, 1440, -1);
        int published = 10 * 1440 + 60;
        int onsetDay = Math.min(epi.onsetMinute(CASE), published) / 1440;
        assertTrue(onsetDay >= 6 && onsetDay <= 9, "onset day " + onsetDay);
        ContactLog truth = new ContactLog(4);
        ContactLog detected = new ContactLog(4);
        for (int day = 0; day <= 10; day++) {
            int[] met = day == onsetDay - 5 ? new int[] {BEFORE} : day == onsetDay + 1 ? new int[] {AFTER} : new int[0];
            contact(truth, day, met);
            contact(detected, day, met);
        }
        RunResult r = new RunResult();
        KeyPublication pub = new KeyPublication(epi, truth, detected, r, 4);
        List<Integer> warned = new ArrayList<>();
        pub.publish(CASE, published, false, true, (u, c, rec, t) -> warned.add(u));
        assertEquals(List.of(AFTER), warned);
        assertEquals(2, r.warningPairsTruth, "the case was infectious on both days");
        assertEquals(1, r.warningPairsTp);
    }

    @Test
    void aTrueContactTheRadioMissedIsCountedAsMissed() {
        Epidemic epi = new Epidemic(DiseaseParameters.load(), 5, 4);
        epi.infect(CASE, 1440, -1);
        ContactLog truth = new ContactLog(4);
        ContactLog detected = new ContactLog(4);
        for (int day = 0; day <= 6; day++) {
            contact(truth, day, day == 5 ? new int[] {AFTER} : new int[0]);
            contact(detected, day);
        }
        RunResult r = new RunResult();
        KeyPublication pub = new KeyPublication(epi, truth, detected, r, 4);
        pub.publish(CASE, 6 * 1440, false, true, (u, c, rec, t) -> { });
        assertEquals(1, r.warningPairsTruth);
        assertEquals(0, r.warningPairsTp);
        assertEquals(0, r.warningPairsWarned);
    }
    /**
     * The phones weigh a day's near minutes by the infectiousness weight of the key's days since onset (exposure
     * notification v2's score) against the 15-minute minimum, as the device's RiskScorer does, not by a yes/no
     * filter of days.
     */
    @Test
    void nearMinutesAreWeighedByTheInfectiousnessOfTheKeysDay() {
        Epidemic epi = caseInfectedOnDayOne();
        int published = 10 * 1440 + 60;
        int onsetDay = Math.min(epi.onsetMinute(CASE), published) / 1440;
        // Days since onset -4 and -3 are "standard" in the shipped map, 0..3 "high".
        int standardDay = onsetDay - 3;
        int highDay = onsetDay + 1;
        assertTrue(standardDay >= 2 && highDay <= 10, "onset day " + onsetDay);
        RiskConfiguration halfStandard = Scenarios.riskWeights(0, 0.5, 1.0);
        // BEFORE: 20 min on a standard day (score 10, below 15); AFTER: 30 min on a standard day (score 15);
        // THIRD: 15 min on a high day (score 15).
        List<Integer> warned = publish(epi, halfStandard, published, standardDay, highDay, 20, 30, 15);
        assertEquals(List.of(AFTER, THIRD), warned);
        // The shipped weights (standard 1): the 20 minutes warn too.
        List<Integer> shipped = publish(epi, RiskConfiguration.vietnamDefault(), published, standardDay, highDay,
                20, 30, 15);
        assertEquals(List.of(BEFORE, AFTER, THIRD), shipped);
        // A weight above 1 lets fewer minutes warn: high 2.0 warns 10 minutes on a high day, standard 1 not 10.
        List<Integer> doubled = publish(epi, Scenarios.riskWeights(0, 1.0, 2.0), published, standardDay, highDay, 10, 10, 10);
        assertEquals(List.of(THIRD), doubled);
        assertEquals(2.0, KeyPublication.maximumDayWeight(Scenarios.riskWeights(0, 1.0, 2.0)), 1e-12,
                "the simulation logs pairs down to 7.5 near minutes then");
    }

    /** BEFORE and AFTER heard near the case on {@code standardDay}, THIRD on {@code highDay}; who is warned. */
    private static List<Integer> publish(Epidemic epi, RiskConfiguration risk, int published, int standardDay,
                                         int highDay, int beforeMinutes, int afterMinutes, int thirdMinutes) {
        ContactLog truth = new ContactLog(5);
        ContactLog detected = new ContactLog(5);
        for (int day = 0; day <= 10; day++) {
            IntList a = new IntList();
            IntList b = new IntList();
            IntList m = new IntList();
            if (day == standardDay) {
                a.add(CASE);
                b.add(BEFORE);
                m.add(beforeMinutes);
                a.add(CASE);
                b.add(AFTER);
                m.add(afterMinutes);
            } else if (day == highDay) {
                a.add(CASE);
                b.add(THIRD);
                m.add(thirdMinutes);
            }
            detected.store(day, a, b, m);
            truth.store(day, a, b);
        }
        KeyPublication pub = new KeyPublication(epi, truth, detected, new RunResult(), 5, risk, 15);
        List<Integer> warned = new ArrayList<>();
        pub.publish(CASE, published, false, true, (u, c, rec, t) -> warned.add(u));
        warned.sort(null);
        return warned;
    }

    @Test
    void recallByInfectiousnessWeighsEachTruePairByWhatTheCaseCouldTransmitThatDay() {
        Epidemic epi = caseInfectedOnDayOne();
        int published = 10 * 1440 + 60;
        int onsetDay = Math.min(epi.onsetMinute(CASE), published) / 1440;
        int early = onsetDay - 5; // "none" in the map: a true contact the phones do not warn
        int peak = onsetDay;
        assertTrue(early >= 1, "onset day " + onsetDay);
        ContactLog truth = new ContactLog(4);
        ContactLog detected = new ContactLog(4);
        for (int day = 0; day <= 10; day++) {
            int[] met = day == early ? new int[] {BEFORE} : day == peak || day == peak + 1 ? new int[] {AFTER}
                    : new int[0];
            contact(truth, day, met);
            contact(detected, day, met);
        }
        RunResult r = new RunResult();
        new KeyPublication(epi, truth, detected, r, 4).publish(CASE, published, false, true, (u, c, rec, t) -> { });
        double wEarly = epi.infectiousnessOnDay(CASE, early);
        double wAfter = epi.infectiousnessOnDay(CASE, peak) + epi.infectiousnessOnDay(CASE, peak + 1);
        assertTrue(wEarly > 0 && wAfter > wEarly, wEarly + " " + wAfter);
        assertEquals(2, r.warningPairsTruth);
        assertEquals(1, r.warningPairsTp);
        assertEquals(wEarly + wAfter, r.warningPairsTruthInfectiousness, 1e-12, "both days of AFTER count");
        assertEquals(wAfter, r.warningPairsTpInfectiousness, 1e-12);
        double weighted = r.warningPairsTpInfectiousness / r.warningPairsTruthInfectiousness;
        assertTrue(weighted > 0.5, "the missed contact was the less infectious one: " + weighted);
    }
}
