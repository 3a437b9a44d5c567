package vn.bluezone.simulator.population;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PopulationBuilderTest {
    private final PopulationParameters params = PopulationParameters.load();
    private final Population pop = new PopulationBuilder(params).build(30_000, 11);

    @Test
    void householdsAverageTheCensusThreePointFive() {
        assertEquals(3.5, params.meanHouseholdSize(), 0.01);
        assertEquals(3.5, pop.size / (double) pop.households(), 0.1);
        for (int h = 0; h < pop.households(); h++) {
            assertTrue(pop.age[pop.householdStart[h]] >= 18, "every household has an adult first member");
        }
    }

    @Test
    void ageStructureFollowsTheCensus() {
        int[] n = new int[3];
        for (byte a : pop.age) {
            n[a < 15 ? 0 : a < 65 ? 1 : 2]++;
        }
        assertEquals(0.243, n[0] / (double) pop.size, 0.01);
        assertEquals(0.680, n[1] / (double) pop.size, 0.01);
        assertEquals(0.077, n[2] / (double) pop.size, 0.01);
    }

    @Test
    void childrenHaveNoSmartphoneAndYoungAdultsMostly() {
        int kids = 0;
        int kidsPhones = 0;
        int young = 0;
        int youngPhones = 0;
        for (int i = 0; i < pop.size; i++) {
            if (pop.age[i] < 12) {
                kids++;
                kidsPhones += pop.smartphone[i] ? 1 : 0;
            } else if (pop.age[i] >= 18 && pop.age[i] < 35) {
                young++;
                youngPhones += pop.smartphone[i] ? 1 : 0;
            }
        }
        assertEquals(0, kidsPhones);
        assertEquals(0.92, youngPhones / (double) young, 0.02);
        assertTrue(kids > 0);
    }

    @Test
    void smallWorldEdgesAreSymmetricAndGroupsAreRings() {
        for (int a = 0; a < pop.size; a++) {
            for (int e = pop.farStart[a]; e < pop.farStart[a + 1]; e++) {
                int b = pop.farPartner[e];
                boolean back = false;
                for (int f = pop.farStart[b]; f < pop.farStart[b + 1]; f++) {
                    back |= pop.farPartner[f] == a;
                }
                assertTrue(back, a + " -> " + b);
            }
        }
        for (int g = 0; g < pop.groups(); g++) {
            for (int k = pop.groupStart[g]; k < pop.groupStart[g + 1]; k++) {
                assertEquals(g, pop.group[pop.groupMembers[k]]);
                assertEquals(k - pop.groupStart[g], pop.slot[pop.groupMembers[k]]);
            }
        }
    }

    @Test
    void sameSeedSamePopulation() {
        Population again = new PopulationBuilder(params).build(30_000, 11);
        assertTrue(java.util.Arrays.equals(pop.age, again.age));
        assertTrue(java.util.Arrays.equals(pop.smartphone, again.smartphone));
        assertTrue(java.util.Arrays.equals(pop.farPartner, again.farPartner));
    }
}
