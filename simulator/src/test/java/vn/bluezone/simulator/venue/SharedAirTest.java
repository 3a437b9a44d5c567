package vn.bluezone.simulator.venue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.bluezone.simulator.SimulationConfig;
import vn.bluezone.simulator.day.DayContext;
import vn.bluezone.simulator.day.PlaceKind;
import vn.bluezone.simulator.day.Ticks;
import vn.bluezone.simulator.disease.DiseaseParameters;
import vn.bluezone.simulator.disease.Epidemic;
import vn.bluezone.simulator.tracing.RadioModel;

class SharedAirTest {
    private static final SharedAir AIR = SharedAir.defaults(SharedAir.DEFAULT_QUANTA_PER_HOUR);

    @Test
    void doseGrowsWithOverlapAndPlaceNotWithAnythingElse() {
        double half = AIR.dose(PlaceKind.EATERY, 1, 30);
        assertEquals(2 * half, AIR.dose(PlaceKind.EATERY, 1, 60), 1e-12);
        assertEquals(0, AIR.dose(PlaceKind.EATERY, 1, 0));
        // q·p·t/Q with the cited numbers: 2.7 quanta/h × 0.54 m³/h × 0.5 h / (6.6 L/s × 32 people × 3.6).
        assertEquals(2.7 * 0.54 * 0.5 / (6.6 * 32 * 3.6), half, 1e-12);
        assertTrue(AIR.dose(PlaceKind.MARKET, 1, 30) < half, "the open market's air is diluted more");
        assertTrue(SharedAir.probability(AIR.dose(PlaceKind.DESK, 1, 60)) > SharedAir.probability(AIR.dose(PlaceKind.DESK, 1, 30)));
    }

    /**
     * One infector at its peak stays 60 minutes in an eatery on 20,000 simulated place-days (each a new place id,
     * so new draws). Two visitors share 30 minutes of it, one at the infector's table and one across the room (the
     * venue model gets no positions: where they stand cannot matter), a third shares 60 minutes. Their infection
     * rates match 1 − exp(−dose) for their overlap, whatever their place in the room.
     */
    @Test
    void sharedAirInfectionDoesNotDependOnDistanceAndGrowsWithOverlap() {
        SharedAir strong = SharedAir.defaults(100); // a high emitter, so that rates are measurable
        DiseaseParameters d = DiseaseParameters.load();
        Epidemic epi = new Epidemic(d, 3, 4);
        DayContext ctx = new DayContext(3, 4, RadioModel.defaults(), new SimulationConfig().nearThresholdDb(), new float[4],
                new double[0], 6);
        epi.infect(0, 0, -1);
        int[] hits = new int[4];
        VenueDay venues = new VenueDay(ctx, epi, strong, null, (p, minute, from) -> {
            assertEquals(0, from);
            hits[p]++;
        });
        int day = 5;
        ctx.flags[0] = DayContext.INFECTIOUS;
        for (int p = 1; p < 4; p++) {
            ctx.flags[p] = DayContext.SUSCEPTIBLE;
        }
        int[] persons = {0, 1, 2, 3};
        int noon = Ticks.at(12, 0);
        int[] from = {noon, noon, noon + 6, noon};
        int[] to = {noon + 12, noon + 6, noon + 18, noon + 12};
        int runs = 20_000;
        for (int v = 0; v < runs; v++) {
            venues.venue(day, PlaceKind.EATERY, v, persons, from, to, 4);
        }
        double rel = epi.infectiousnessOnDay(0, day) / peak(d);
        double p30 = SharedAir.probability(strong.dose(PlaceKind.EATERY, rel, 30));
        double p60 = SharedAir.probability(strong.dose(PlaceKind.EATERY, rel, 60));
        double sd30 = Math.sqrt(p30 * (1 - p30) / runs);
        assertEquals(p30, hits[1] / (double) runs, 4 * sd30, "near the infector, 30 min");
        assertEquals(p30, hits[2] / (double) runs, 4 * sd30, "across the room, 30 min");
        assertEquals(p60, hits[3] / (double) runs, 4 * Math.sqrt(p60 * (1 - p60) / runs), "60 min");
        assertTrue(hits[3] > hits[1] && hits[3] > hits[2], "a longer overlap infects more");
    }

    private static double peak(DiseaseParameters d) {
        double max = 0;
        for (double tau = 0.01; tau < d.infectiousnessEndDays(); tau += 0.01) {
            max = Math.max(max, d.infectiousness(tau));
        }
        return max;
    }
}
