package vn.bluezone.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.bluezone.simulator.population.PopulationBuilder;

/**
 * Engines mode end to end: every app user runs a real device engine (real keys and beacons, sightings in its own
 * SQLite database, downloads of signed export files, matching and scoring on the phone) against the real key
 * server started in this JVM on the simulation's clock.
 */
class EnginesModeTest {

    private static SimulationConfig household(long seed) {
        SimulationConfig c = Scenarios.small(4, 12, seed);
        c.mode = SimulationConfig.Mode.ENGINES;
        c.adoption = 1.0;
        c.seedInfections = 1;
        c.radio = Scenarios.noiseless();
        c.consentProbability = 1.0;
        c.disease = Scenarios.allSymptomaticAllTested(c.disease, 5.0);
        return c;
    }

    @Test
    void aConfirmedCaseUploadsAndTheRealEnginesWarnTheHouseholdAtZeroNoise() {
        RunResult r = new Simulation(household(7), PopulationBuilder.isolatedHousehold(4))
                .run("engines", ProgressListener.NONE);
        assertEquals("engines", r.mode);
        assertEquals(4, r.appUsers);
        assertTrue(r.uploadsConfirmed >= 1, "the confirmed case's phone uploaded through the real server");
        assertTrue(r.exportFiles >= 1, "the real export job wrote signed files: " + r.exportFiles);
        assertTrue(r.exposureChecks >= 1, "phones downloaded and checked the files");
        assertTrue(r.warnedPeopleTruth >= 1, "ground truth has close contacts of an uploaded case");
        assertEquals(r.warnedPeopleTruth, r.warnedPeopleTp, "recall 1: every true close contact warned F1 by its engine");
        assertEquals(r.warnedPeopleWarned, r.warnedPeopleTp, "precision 1: nobody else warned");
    }

    /**
     * Two runs at one seed, the second with SQLite phone databases instead of the in-memory store: the same keys,
     * uploads, checks and warnings at the same minutes (the store changes speed, not results).
     */
    @Test
    void sameSeedSameRunWhicheverPhoneStore() {
        RunResult memory = new Simulation(household(7), PopulationBuilder.isolatedHousehold(4))
                .run("memory", ProgressListener.NONE);
        SimulationConfig c = household(7);
        c.phoneStorage = SimulationConfig.PhoneStorage.SQLITE;
        RunResult sqlite = new Simulation(c, PopulationBuilder.isolatedHousehold(4)).run("sqlite", ProgressListener.NONE);
        assertTrue(memory.warnedF1 >= 1);
        assertEquals(memory.infections, sqlite.infections);
        assertEquals(memory.uploadsConfirmed, sqlite.uploadsConfirmed);
        assertEquals(memory.uploadsRecursive, sqlite.uploadsRecursive);
        assertEquals(memory.exportFiles, sqlite.exportFiles);
        assertEquals(memory.exposureChecks, sqlite.exposureChecks);
        assertEquals(memory.warnedF1, sqlite.warnedF1);
        assertEquals(memory.warnedF2, sqlite.warnedF2);
        assertArrayEquals(memory.dailyWarnedF1, sqlite.dailyWarnedF1);
        assertArrayEquals(memory.hoursToWarning, sqlite.hoursToWarning, "warned at the same simulated minutes");
    }
}
