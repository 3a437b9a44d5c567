package vn.bluezone.bench.radio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bluezone.bench.radio.EpidemicRuleDerivation.Fold;
import vn.bluezone.bench.radio.EpidemicRuleDerivation.Outcome;
import vn.bluezone.bench.radio.EpidemicRuleDerivation.Rule;
import vn.bluezone.protocol.risk.RiskConfiguration;
import vn.bluezone.simulator.ProgressListener;
import vn.bluezone.simulator.RunResult;
import vn.bluezone.simulator.Simulation;
import vn.bluezone.simulator.SimulationConfig;

/** The derivation's bookkeeping at a tiny scale: rules, pairing, counters, and folds that never see their seeds. */
class EpidemicRuleDerivationTest {

    @Test
    void candidatesAreThePresetAtFiftyEightAndTheirOwnThresholdElsewhere() {
        assertEquals(RiskConfiguration.ministryF1(), Rule.MINISTRY.configuration());
        RiskConfiguration r = new Rule(62, 30).configuration();
        assertEquals(62, r.attenuationThresholds().near());
        assertEquals(30, r.closeContact().minimumCumulativeMinutes());
        // The same offset from the rounded value as the Ministry's 2 m (58.31 dB).
        double offset = SimulationConfig.nearThresholdDb(RiskConfiguration.ministryF1()) - 58;
        assertEquals(62 + offset, SimulationConfig.nearThresholdDb(r), 1e-9);
        assertEquals(54 + offset, SimulationConfig.nearThresholdDb(new Rule(54, 10).configuration()), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> EpidemicRuleDerivation.grid(new int[] {60}, new int[] {15}));
    }

    /** Runs at one seed share the no-app run, and the Ministry candidate is exactly a plain run of the default rule. */
    @Test
    void aSeedsRunsArePairedAndTheirCountersAreTheRunsOwn() {
        SimulationConfig base = new SimulationConfig();
        base.population = 2000;
        base.days = 30;
        base.adoption = 0.8;
        List<Rule> rules = List.of(Rule.MINISTRY, new Rule(64, 10), new Rule(54, 30));
        List<Outcome> got = EpidemicRuleDerivation.runSeed(base, 3, rules, o -> { });
        assertEquals(3, got.size());
        SimulationConfig plain = base.withSeed(3);
        RunResult ministry = new Simulation(plain).run("plain", ProgressListener.NONE);
        RunResult noApp = new Simulation(plain.withAdoption(0)).run("plain", ProgressListener.NONE);
        Outcome m = got.get(0);
        assertEquals(ministry.infections, m.infections());
        assertEquals(ministry.warnedF1, m.warnedF1());
        assertEquals(ministry.warnedF1InTime, m.inTime());
        assertEquals(ministry.warnedF1False, m.falseWarnings());
        assertEquals(noApp.infections - ministry.infections, m.averted());
        for (Outcome o : got) {
            assertEquals(noApp.infections, o.noAppInfections(), "one no-app run per seed");
            assertEquals(o.warnedF1(), o.inTime() + o.late() + o.falseWarnings(), o.toString());
            assertEquals(o.inTime() / (double) o.falseWarnings(), o.ratio(), 1e-12);
        }
        // The rules do differ: a looser rule warns more people than a stricter one.
        assertTrue(got.get(1).warnedF1() > got.get(2).warnedF1(), got.toString());
    }

    /** Seed 3 would make rule X win; the fold that holds seed 3 out must not choose X, the others must. */
    @Test
    void aFoldChoosesWithoutItsHeldOutSeeds() {
        Rule x = new Rule(62, 30);
        List<Rule> rules = List.of(Rule.MINISTRY, x, new Rule(54, 10));
        List<Outcome> all = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            all.add(outcome(seed, Rule.MINISTRY, 100, 200, 900));
            // X: as many in time with fewer false warnings on seed 3 only; worse elsewhere.
            all.add(seed == 3 ? outcome(seed, x, 400, 10, 950) : outcome(seed, x, 100, 210, 890));
            // Better ratio but below the floor of in-time warnings: never chosen.
            all.add(outcome(seed, new Rule(54, 10), 50, 20, 800));
        }
        List<Fold> folds = EpidemicRuleDerivation.crossValidate(all, new long[] {1, 2, 3}, 3, rules);
        assertEquals(3, folds.size());
        for (Fold f : folds) {
            long heldOut = f.heldOutChosen().get(0).seed();
            assertTrue(!f.trainingSeeds().contains(heldOut), f.toString());
            if (heldOut == 3) {
                assertEquals(Rule.MINISTRY, f.chosen(), "chosen on seeds 1 and 2, where X is worse");
                assertEquals(0, f.avertedGain()[0], 0);
            } else {
                assertEquals(x, f.chosen(), "seed 3 is in the training set");
                assertEquals(10, f.avertedGain()[0], 0, "X averts 110 against the Ministry's 100");
                assertNotEquals(0, f.ratioGain()[0]);
            }
            assertEquals(f.heldOutMinistry().get(0).seed(), heldOut, "paired on the same seed");
        }
        assertEquals(Rule.MINISTRY, EpidemicRuleDerivation.choose(List.of(), rules), "no data: the Ministry rule");
    }

    private static Outcome outcome(long seed, Rule r, int inTime, int falseWarnings, int infections) {
        return new Outcome(seed, r, infections, 1000, inTime + falseWarnings + 5, inTime, 5, falseWarnings, 0, 0);
    }
}
