package vn.bluezone.bench.keyserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MinuteFiguresTest {
    @Test
    void splitsAPhaseByTheMinuteEachRequestCompletedIn() {
        // Minute 1: 100 requests of 1..100 ms; minute 2: 50 of 200 ms, 2 failed; minute 3 (30 s): 10 of 5 ms.
        int n = 160;
        int[] end = new int[n];
        long[] lat = new long[n];
        boolean[] failed = new boolean[n];
        for (int i = 0; i < 100; i++) {
            end[i] = 500 * i;
            lat[i] = (i + 1) * 1000L;
        }
        for (int i = 100; i < 150; i++) {
            end[i] = 60_000 + 1000 * (i - 100);
            lat[i] = 200_000;
            failed[i] = i < 102;
        }
        for (int i = 150; i < 160; i++) {
            end[i] = 120_000 + 1000 * (i - 150);
            lat[i] = 5_000;
        }
        List<MinuteFigures.Minute> m = MinuteFigures.of(end, lat, failed, n, 150_000, new double[] {12.5, 20.0});
        assertEquals(3, m.size());
        assertEquals(100, m.get(0).requests());
        assertEquals(0, m.get(0).failures());
        assertEquals(100 / 60.0, m.get(0).perSecond(), 1e-9);
        assertEquals(50_000, m.get(0).p50Micros());
        assertEquals(99_000, m.get(0).p99Micros());
        assertEquals(12.5, m.get(0).load());
        assertEquals(50, m.get(1).requests());
        assertEquals(2, m.get(1).failures());
        assertEquals(200_000, m.get(1).p99Micros());
        assertEquals(10, m.get(2).requests());
        assertEquals(10 / 30.0, m.get(2).perSecond(), 1e-9, "the last minute counts only its 30 s");
        assertTrue(Double.isNaN(m.get(2).load()));
        assertTrue(m.get(1).line().contains("minute  2") && m.get(1).line().contains("2 failed")
                && m.get(1).line().contains("p99  200.0 ms") && m.get(1).line().contains("load 20.0"), m.get(1).line());
    }

    @Test
    void theLastAnswersOfATenMinuteRunJoinItsTenthMinute() {
        int n = 601;
        int[] end = new int[n];
        long[] lat = new long[n];
        for (int i = 0; i < n; i++) {
            end[i] = Math.min(600_010, 1000 * i + 500);
            lat[i] = 1000;
        }
        List<MinuteFigures.Minute> m = MinuteFigures.of(end, lat, new boolean[n], n, 600_016, new double[0]);
        assertEquals(10, m.size());
        assertEquals(61, m.get(9).requests());
        assertEquals(61 / 60.016, m.get(9).perSecond(), 1e-9);
    }

    @Test
    void aMinuteWithoutAnswersShowsAsZeroNotAsAGap() {
        int[] end = {1_000, 130_000};
        long[] lat = {1_000, 70_000_000};
        List<MinuteFigures.Minute> m = MinuteFigures.of(end, lat, new boolean[2], 2, 180_000, new double[0]);
        assertEquals(List.of(1, 0, 1), m.stream().map(MinuteFigures.Minute::requests).toList());
        assertEquals(0, m.get(1).p99Micros());
    }
}
