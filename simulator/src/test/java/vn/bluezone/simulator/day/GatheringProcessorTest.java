package vn.bluezone.simulator.day;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import vn.bluezone.simulator.tracing.RadioModel;

class GatheringProcessorTest {

    /** Two app users standing {@code metres} apart from 10:00 for {@code minutes}. */
    private static PairDayTable stand(double metres, int minutes, RadioModel radio) {
        DayContext ctx = new DayContext(1, 2, radio, new float[2], new double[] {0}, 6);
        ctx.flags[0] = DayContext.APP;
        ctx.flags[1] = DayContext.APP;
        PairDayTable table = new PairDayTable(16, 1);
        long[] presence = new long[2 * Ticks.WORDS];
        int from = Ticks.at(10, 0);
        Ticks.set(presence, 0, from, from + minutes / Ticks.MINUTES);
        Ticks.set(presence, Ticks.WORDS, from, from + minutes / Ticks.MINUTES);
        new GatheringProcessor(ctx, table, null).run(PlaceKind.MEETING.ordinal(), 0, new int[] {0, 1}, 2, presence, 1,
                (seg, members, present, count, x, y) -> {
                    x[0] = 0;
                    y[0] = 0;
                    x[1] = (float) metres;
                    y[1] = 0;
                });
        return table;
    }

    private static int slotOf(PairDayTable t) {
        for (int s = 0; s < t.capacity(); s++) {
            if (t.used(s)) {
                return s;
            }
        }
        return -1;
    }

    @Test
    void closeForTwentyMinutesIsFourCloseScansAllHeardWithoutNoise() {
        PairDayTable t = stand(1.5, 20, RadioModel.noiseless());
        int s = slotOf(t);
        assertEquals(4, t.closeTicks(s));
        assertEquals(4, t.nearTicks(s));
        assertEquals(Ticks.at(10, 0), t.firstTick(s));
        assertEquals(Ticks.at(10, 15), t.lastTick(s));
        assertEquals(20 / 60.0 / (1.5 * 1.5), t.exposure(s), 1e-5);
    }

    @Test
    void threeMetresIsNeitherCloseNorNear() {
        PairDayTable t = stand(3, 60, RadioModel.noiseless());
        int s = slotOf(t);
        assertEquals(0, t.closeTicks(s));
        assertEquals(0, t.nearTicks(s));
    }

    @Test
    void beyondTheCutOffNothingIsRecorded() {
        assertEquals(0, stand(8, 60, RadioModel.noiseless()).size());
    }

    @Test
    void packetLossDropsScans() {
        RadioModel lossy = new RadioModel(50.3, 2.66, 0, 0, 0.5, 2);
        PairDayTable t = stand(1, 600, lossy);
        int near = t.nearTicks(slotOf(t));
        assertEquals(120, t.closeTicks(slotOf(t)));
        // 120 scans at 50% loss: far from 0 and from 120.
        assertEquals(60, near, 20);
    }

    @Test
    void shadowingMakesBothKindsOfMistake() {
        RadioModel noisy = RadioModel.noiseless().withShadowing(12);
        PairDayTable near = stand(1.5, 600, noisy);
        PairDayTable far = stand(3.0, 600, noisy);
        int heardNear = near.nearTicks(slotOf(near));
        int heardFar = far.nearTicks(slotOf(far));
        assertEquals(120, near.closeTicks(slotOf(near)));
        assertEquals(0, far.closeTicks(slotOf(far)));
        // 1.5 m is 3.3 dB inside the 2 m threshold: σ = 12 dB pushes about 39% of scans out.
        assertEquals(0.61, heardNear / 120.0, 0.12);
        // 3 m is 4.7 dB beyond it: about 35% of scans are heard as near.
        assertEquals(0.35, heardFar / 120.0, 0.12);
    }
}
