package vn.bluezone.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.bluezone.simulator.population.Population;
import vn.bluezone.simulator.population.PopulationBuilder;

class CheckinComparisonTest {
    /** 3,000 people, 40 days, adoption 0.8; seed 2's epidemic takes off (seed 1's dies out). */
    private static SimulationConfig config() {
        SimulationConfig c = Scenarios.small(3000, 40, 2);
        c.adoption = 0.8;
        return c;
    }

    /**
     * Check-ins that cannot warn (share 0; or everyone checking in with a minimum overlap longer than any visit)
     * leave every figure as Bluetooth alone at the same seed, although the second records check-ins and shares
     * reports.
     */
    @Test
    void checkinsThatCannotWarnGiveBluetoothAlonesFigures() {
        SimulationConfig bt = config();
        Population pop = new PopulationBuilder(bt.populationParameters).build(bt.population, bt.seed);
        RunResult alone = new Simulation(bt, pop).run("Bluetooth", ProgressListener.NONE);
        SimulationConfig never = config();
        never.checkinShare = 1;
        never.checkinMinimumOverlapMinutes = 240;
        RunResult blind = new Simulation(never, pop).run("blind check-ins", ProgressListener.NONE);
        assertTrue(blind.checkins > 0 && blind.checkinReports > 0, "people checked in and cases shared check-ins");
        assertEquals(0, blind.checkinWarnings);
        assertEquals(alone.infections, blind.infections);
        assertEquals(alone.detectedInfections, blind.detectedInfections);
        assertEquals(alone.warnedF1, blind.warnedF1);
        assertEquals(alone.sharedAirInfections, blind.sharedAirInfections);
        assertArrayEquals(alone.dailyInfections, blind.dailyInfections);
        assertArrayEquals(alone.dailyWarnedF1, blind.dailyWarnedF1);
    }

    /**
     * With a strong emitter in the shared air (150 quanta/h, the order Buonanno et al. 2020 give for loud speaking
     * during light activity), places infect people Bluetooth cannot tell apart from the crowd; a check-in share
     * warns them: detection rises next to Bluetooth alone at the same seed, and the comparison's figures are the
     * per-seed differences.
     */
    @Test
    void aCheckinShareAddsDetectionNextToBluetoothAlone() {
        SimulationConfig c = config();
        c.sharedAirQuantaPerHour = 150;
        c.checkinShare = 1;
        CheckinComparison cmp = CheckinComparison.run(c, 1, ProgressListener.NONE);
        assertArrayEquals(new long[] {2}, cmp.seeds);
        assertTrue(cmp.sharedAirInfectionsBluetooth[0] > 0, "shared air infected people");
        assertTrue(cmp.checkinFirstWarned[0] > 0, "check-ins warned people Bluetooth had not");
        assertTrue(cmp.detectedCheckins[0] > cmp.detectedBluetooth[0],
                "detection rises: " + cmp.detectedBluetooth[0] + " -> " + cmp.detectedCheckins[0]);
        assertEquals(cmp.detectedCheckins[0] - cmp.detectedBluetooth[0], cmp.addedToDetection()[0]);
        assertEquals(cmp.infectionsBluetooth[0] - cmp.infectionsCheckins[0], cmp.averted()[0]);
    }
}
