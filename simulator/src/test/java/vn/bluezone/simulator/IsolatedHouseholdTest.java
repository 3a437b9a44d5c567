package vn.bluezone.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.bluezone.simulator.population.Population;
import vn.bluezone.simulator.population.PopulationBuilder;

class IsolatedHouseholdTest {

    private RunResult run(long seed, SimulationConfig c) {
        Population home = PopulationBuilder.isolatedHousehold(4);
        return new Simulation(c, home).run("household", ProgressListener.NONE);
    }

    private SimulationConfig config(long seed) {
        SimulationConfig c = Scenarios.small(4, 28, seed);
        c.adoption = 1.0;
        c.seedInfections = 1;
        c.radio = Scenarios.noiseless();
        c.consentProbability = 1.0;
        c.disease = Scenarios.allSymptomaticAllTested(c.disease, 5.0);
        return c;
    }

    @Test
    void oneCaseInfectsTheOthersAndEveryTrueContactIsWarnedAtZeroNoise() {
        RunResult r = run(7, config(7));
        assertEquals(4, r.appUsers);
        assertEquals(4, r.infections, "the seeded case infects the whole household");
        assertTrue(r.uploadsConfirmed >= 1, "the confirmed case uploads");
        assertTrue(r.warningPairsTruth >= 1, "ground truth has close contacts of an uploaded case");
        // At zero noise every true close contact is warned, except those met only on days the device's
        // days-since-onset map rates "none" (the case was infectious by Ferretti's curve, but 5+ days before onset).
        assertEquals(r.warningPairsTruth - r.warningPairsTruthOutsideMap, r.warningPairsTp,
                "recall 1 inside the map: every warnable true close contact is warned");
        assertEquals(0, r.detectionFn, "no close contact missed at zero noise");
        assertEquals(0, r.detectionFp, "no far contact counted at zero noise");
        assertTrue(r.detectionTp > 0);
        assertEquals(r.warnedPeopleTruth, r.warnedPeopleTp);
    }

    @Test
    void holdsForSeveralSeeds() {
        long outsideMap = 0;
        long truth = 0;
        for (long seed = 1; seed <= 5; seed++) {
            RunResult r = run(seed, config(seed));
            assertEquals(r.warningPairsTruth - r.warningPairsTruthOutsideMap, r.warningPairsTp, "seed " + seed);
            outsideMap += r.warningPairsTruthOutsideMap;
            truth += r.warningPairsTruth;
            assertEquals(0, r.detectionFn, "seed " + seed);
        }
        assertTrue(outsideMap < truth, "most true contacts fall inside the map: " + outsideMap + " of " + truth);
    }

    /** Contacts mode scores with the configured risk weights, end to end through the simulation. */
    @Test
    void theRiskConfigurationsInfectiousnessWeightsDecideTheWarnings() {
        long truth = 0;
        long outsideMap = 0;
        for (long seed = 1; seed <= 3; seed++) {
            // Every day of the key weighted 1 (no map): every true contact is warned at zero noise.
            SimulationConfig all = config(seed);
            all.risk = Scenarios.riskWeights(1, 1, 1);
            RunResult r = run(seed, all);
            assertEquals(r.warningPairsTruth, r.warningPairsTp, "seed " + seed);
            truth += r.warningPairsTruth;
            outsideMap += run(seed, config(seed)).warningPairsTruthOutsideMap;
            // Every weight 0: the phones never warn, although cases upload.
            SimulationConfig none = config(seed);
            none.risk = Scenarios.riskWeights(0, 0, 0);
            RunResult z = run(seed, none);
            assertTrue(z.uploadsConfirmed >= 1, "seed " + seed);
            assertEquals(0, z.warningPairsWarned, "seed " + seed);
            assertEquals(0, z.warnedF1, "seed " + seed);
        }
        assertTrue(truth > 0);
        assertTrue(outsideMap > 0, "the shipped map leaves some true contacts unwarned at these seeds, so the"
                + " all-ones configuration is a different one");
    }
}
