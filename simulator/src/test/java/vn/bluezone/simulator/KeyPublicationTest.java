package vn.bluezone.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
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

    private static void contact(ContactLog log, int day, int... partners) {
        IntList a = new IntList();
        IntList b = new IntList();
        for (int p : partners) {
            a.add(CASE);
            b.add(p);
        }
        log.store(day, a, b);
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
}
