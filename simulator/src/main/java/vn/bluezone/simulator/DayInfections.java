package vn.bluezone.simulator;

import java.util.Arrays;
import vn.bluezone.simulator.disease.Epidemic;
import vn.bluezone.simulator.util.IntList;

/**
 * The day's infections before they happen: every route (close range in pairs, shared air at a place) offers
 * (person, minute, infector); when several infectors reach one person on one day the earliest wins (then the
 * lowest id), whatever the order they were offered in. Applied at the end of the day.
 */
final class DayInfections {
    /** Infected at close range (a pair within the radio cutoff) or through a place's shared air. */
    static final byte CLOSE = 0;
    static final byte AIR = 1;

    /** Receives each infection of the day in the order people were first offered. */
    interface Sink {
        void infect(int person, int minute, int from, byte route);
    }

    private final IntList candidates = new IntList();
    private final int[] minute;
    private final int[] source;
    private final byte[] route;

    DayInfections(int people) {
        minute = new int[people];
        Arrays.fill(minute, Epidemic.NEVER);
        source = new int[people];
        route = new byte[people];
    }

    void offer(int to, int at, int from, byte how) {
        if (minute[to] == Epidemic.NEVER) {
            candidates.add(to);
        } else if (minute[to] < at || (minute[to] == at && source[to] < from)) {
            return;
        }
        minute[to] = at;
        source[to] = from;
        route[to] = how;
    }

    void apply(Sink sink) {
        for (int i = 0; i < candidates.size(); i++) {
            int p = candidates.get(i);
            sink.infect(p, minute[p], source[p], route[p]);
            minute[p] = Epidemic.NEVER;
        }
        candidates.clear();
    }
}
