package vn.bluezone.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.bluezone.simulator.day.Ticks;
import vn.bluezone.simulator.engines.EngineTracing;
import vn.bluezone.simulator.engines.ProximityBuffer;
import vn.bluezone.simulator.population.PopulationBuilder;

/**
 * Engines mode end to end: every app user runs a real device engine (real keys and beacons, sightings in its own
 * store, downloads of signed export files, matching and scoring on the phone) against the real key server started
 * in this JVM on the simulation's clock.
 */
class EnginesModeIT {

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
        SimulationConfig cfg = household(7);
        vn.bluezone.simulator.population.Population pop = PopulationBuilder.isolatedHousehold(4);
        RunResult r = new Simulation(cfg, pop).run("engines", ProgressListener.NONE);
        assertEquals("engines", r.mode);
        // Per-(case, contact) figures are not computed in engines mode: reported as not measured, never as recall 0.
        SimulationOutcome o = new SimulationOutcome(cfg, pop, r, r, null);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> warnings = (java.util.Map<String, Object>) ((java.util.Map<String, Object>)
                vn.bluezone.simulator.report.MetricsJson.build(o).get("detection")).get("warnings");
        assertEquals(false, ((java.util.Map<String, Object>) warnings.get("casePairs")).get("measured"));
        assertTrue(vn.bluezone.simulator.report.ReportHtml.render(o).contains("không đo khi mô phỏng bằng bộ máy điện thoại thật"));
        assertEquals(4, r.appUsers);
        assertTrue(r.uploadsConfirmed >= 1, "the confirmed case's phone uploaded through the real server");
        assertTrue(r.exportFiles >= 1, "the real export job wrote signed files: " + r.exportFiles);
        assertTrue(r.exposureChecks >= 1, "phones downloaded and checked the files");
        assertTrue(r.warnedPeopleTruth >= 1, "ground truth has close contacts of an uploaded case");
        assertEquals(r.warnedPeopleTruth, r.warnedPeopleTp, "recall 1: every true close contact warned F1 by its engine");
        assertEquals(r.warnedPeopleWarned, r.warnedPeopleTp, "precision 1: nobody else warned");
    }

    /**
     * The far-person case, on the engines' own tracing with hand-made proximity (zero noise, seed 3): on Monday A
     * spends 35 minutes at 1.5 m from B (a close contact), two hours at 10 m from C (heard, but beyond the default
     * rule's 58 dB and the derived preset's 62 dB: 10 m reads 63.4 dB in the engines' fitted room,
     * 56.1 + 7.3 · log10 10), 10 minutes at 1.5 m from D (close, but under the default rule's 15 minutes) and never
     * meets E. On Tuesday at 09:00 A uploads; the export job runs at 11:05; phones check every 4 hours. B's engine
     * warns F1 for Monday; C, D and E are not warned, although C's and D's phones heard A. The default is the
     * Ministry's rule (15 minutes within 2 m); B's 35 minutes were set while the derived 30-minute rule was the
     * default (2026-12-03) and warn under both.
     */
    @Test
    void onlyTheCloseContactIsWarnedNotTheFarOrBriefOrAbsentOne() {
        final int a = 0;
        final int b = 1;
        final int c = 2;
        final int d = 3;
        final int e = 4;
        SimulationConfig cfg = Scenarios.small(5, 3, 3);
        cfg.radio = Scenarios.noiseless();
        boolean[] app = {true, true, true, true, true};
        java.util.Map<Integer, String> warned = new java.util.TreeMap<>();
        try (EngineTracing tracing = new EngineTracing(cfg, app, new float[5],
                (person, f2, minute) -> warned.put(person, (f2 ? "F2 " : "F1 ") + minute))) {
            ProximityBuffer monday = tracing.proximity();
            monday.proximity(a, b, Ticks.at(10, 0), 0b1111111, 1.5f);
            monday.proximity(a, c, Ticks.at(9, 0), 0xFFFFFF, 10.0f);
            monday.proximity(a, d, Ticks.at(14, 0), 0b11, 1.5f);
            int uploadAt = 1440 + 9 * 60;
            int exportAt = 1440 + 11 * 60 + 5;
            for (int day = 0; day < 3; day++) {
                if (day > 0) {
                    tracing.proximity().clear();
                }
                for (int tick = 0; tick < Ticks.PER_DAY; tick++) {
                    int minute = day * 1440 + tick * Ticks.MINUTES;
                    if (minute == uploadAt) {
                        assertTrue(tracing.upload(a, minute, false, 0), "A's phone uploaded");
                    }
                    if (minute == exportAt) {
                        tracing.export(minute);
                    }
                    tracing.tick(day, tick, minute);
                }
            }
            assertTrue(tracing.exportFiles() >= 1, "the export job wrote a file with A's keys");
            for (int heard : new int[] {b, c, d}) {
                assertTrue(tracing.engineOf(heard).storage().sightingCount() > 0, "phone " + heard + " heard A");
            }
            assertEquals(0, tracing.engineOf(e).storage().sightingCount(), "E never met anyone");
            assertTrue(tracing.checks() >= 4, "every phone checked the new file");
        }
        assertEquals(java.util.Set.of(b), warned.keySet(), "only B is warned: " + warned);
        assertTrue(warned.get(b).startsWith("F1 "), warned.toString());
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
