package vn.bluezone.simulator.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bluezone.simulator.day.PlaceKind;
import vn.bluezone.simulator.day.Ticks;

class CheckinLogTest {
    /**
     * Case 0 is at eatery 3 from 12:00 to 13:00 on day 2 and uploads on day 4. Person 1 overlaps 30 minutes, 2 only
     * 10, 3 is at another eatery, 4 was at eatery 3 at the same hour a day earlier, 5 overlaps 45 minutes but does
     * not check in (not an app user). Only 1 is warned, through the protocol's reports and matcher.
     */
    @Test
    void aCasesCheckinsWarnOnlyThoseWhoOverlappedLongEnough() {
        boolean[] app = {true, true, true, true, true, false};
        CheckinLog log = new CheckinLog(1, app, 1.0, 15);
        int noon = Ticks.at(12, 0);
        log.record(1, PlaceKind.EATERY, 3, new int[] {4}, new int[] {noon}, new int[] {noon + 12}, 1);
        log.record(2, PlaceKind.EATERY, 3, new int[] {0, 1, 2, 5}, new int[] {noon, noon + 6, noon + 10, noon},
                new int[] {noon + 12, noon + 18, noon + 20, noon + 9}, 4);
        log.record(2, PlaceKind.EATERY, 4, new int[] {3}, new int[] {noon}, new int[] {noon + 12}, 1);
        List<Integer> warned = new ArrayList<>();
        log.publish(0, 4 * 1440 + 600, (p, c, minute) -> {
            assertEquals(0, c);
            warned.add(p);
        });
        assertEquals(List.of(1), warned);
        assertEquals(1, log.reports());
        assertEquals(5, log.users());
        // With a 10-minute minimum, person 2 (10 minutes, the report rounded to whole 10-minute intervals) is warned too.
        CheckinLog lenient = new CheckinLog(1, app, 1.0, 10);
        lenient.record(2, PlaceKind.EATERY, 3, new int[] {0, 1, 2}, new int[] {noon, noon + 6, noon + 10},
                new int[] {noon + 12, noon + 18, noon + 20}, 3);
        List<Integer> more = new ArrayList<>();
        lenient.publish(0, 4 * 1440, (p, c, minute) -> more.add(p));
        assertEquals(List.of(1, 2), more);
    }
}
