package vn.bluezone.simulator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.bluezone.simulator.population.Population;
import vn.bluezone.simulator.population.PopulationBuilder;

class AdoptionTest {

    @Test
    void doublingAdoptionNeverIncreasesTheMeanAttackRate() {
        double[] levels = {0.2, 0.4, 0.8};
        int seeds = 3;
        double[] meanAr = new double[levels.length];
        int warned = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            SimulationConfig base = Scenarios.small(3000, 40, seed);
            base.seedInfections = 6;
            Population pop = new PopulationBuilder(base.populationParameters).build(base.population, seed);
            for (int l = 0; l < levels.length; l++) {
                RunResult r = new Simulation(base.withAdoption(levels[l]), pop).run("t", ProgressListener.NONE);
                meanAr[l] += r.attackRate() / seeds;
                warned += r.warnedF1;
            }
        }
        assertTrue(warned > 0, "the app must have warned someone, or the comparison says nothing");
        for (int l = 1; l < levels.length; l++) {
            assertTrue(meanAr[l] <= meanAr[l - 1],
                    "adoption " + levels[l] + " gave a mean attack rate " + meanAr[l] + " above "
                            + meanAr[l - 1] + " at " + levels[l - 1]);
        }
    }

    @Test
    void adoptersAtALowerRateStayAdoptersAtAHigherRate() {
        SimulationConfig c = Scenarios.small(5000, 1, 3);
        Population pop = new PopulationBuilder(c.populationParameters).build(c.population, c.seed);
        boolean[] low = Simulation.chooseAppUsers(c.withAdoption(0.3), pop);
        boolean[] high = Simulation.chooseAppUsers(c.withAdoption(0.6), pop);
        int nLow = 0;
        int nHigh = 0;
        for (int i = 0; i < pop.size; i++) {
            assertTrue(!low[i] || high[i], "person " + i);
            assertTrue(!low[i] || pop.smartphone[i], "adopters own smartphones");
            nLow += low[i] ? 1 : 0;
            nHigh += high[i] ? 1 : 0;
        }
        double owners = pop.smartphoneOwners();
        assertTrue(Math.abs(nLow / owners - 0.3) < 0.03, "adoption among owners " + nLow / owners);
        assertTrue(Math.abs(nHigh / owners - 0.6) < 0.03, "adoption among owners " + nHigh / owners);
    }
}
