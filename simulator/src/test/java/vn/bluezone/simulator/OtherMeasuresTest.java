package vn.bluezone.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.bluezone.simulator.population.Population;
import vn.bluezone.simulator.population.PopulationBuilder;

/**
 * {@code --other-measures F} scales every transmission hazard, so the early reproduction number with the factor is
 * about F times the one without it (simulator/README.md, "Other measures"). The early-R check uses
 * {@link EarlyReproductionIT}'s setting (10,000 people, default seeding, 30 days, seeds 1-4) without the app, which
 * costs about a second a run.
 */
class OtherMeasuresTest {
    private static final int PEOPLE = 4_000;
    private static final int SEEDED = 40;

    private static RunResult run(double factor, long seed) {
        SimulationConfig c = Scenarios.small(PEOPLE, 20, seed);
        c.adoption = 0;
        c.seedInfections = SEEDED;
        c.otherMeasuresFactor = factor;
        Population pop = new PopulationBuilder(c.populationParameters).build(c.population, c.seed);
        return new Simulation(c, pop).run("other measures " + factor, ProgressListener.NONE);
    }

    private static double earlyR(double factor, long seed) {
        SimulationConfig c = Scenarios.small(10_000, 30, seed);
        c.adoption = 0;
        c.otherMeasuresFactor = factor;
        Population pop = new PopulationBuilder(c.populationParameters).build(c.population, c.seed);
        return new Simulation(c, pop).run("early R " + factor, ProgressListener.NONE).earlyR;
    }

    @Test
    void earlyReproductionNumberFollowsTheFactor() {
        double without = 0;
        double half = 0;
        for (long seed = 1; seed <= 4; seed++) {
            without += earlyR(1.0, seed);
            half += earlyR(0.5, seed);
        }
        without /= 4;
        half /= 4;
        String text = "early R " + half + " with F 0.5 vs " + without + " without";
        // Hazards are scaled, not probabilities: 1 − exp(−F·h) ≥ F·(1 − exp(−h)), so the ratio may sit a little
        // above F (long household contacts saturate); the tolerance also covers seed noise.
        assertEquals(0.5, half / without, 0.1, text);
        assertEquals(2.0, without, 0.15, "without other measures, the calibrated R0: " + text);
        // The NHS setting (README, "Results: the NHS study's setting"): R near England's October-December 2020.
        assertEquals(1.15, half, 0.15, text);
    }

    @Test
    void factorOneChangesNothing() {
        RunResult a = run(1.0, 5);
        SimulationConfig c = Scenarios.small(PEOPLE, 20, 5);
        c.adoption = 0;
        c.seedInfections = SEEDED;
        RunResult b = new Simulation(c).run("default", ProgressListener.NONE);
        assertEquals(b.infections, a.infections);
        assertEquals(b.earlyR, a.earlyR, 0);
    }

    @Test
    void scalesBothRoutes() {
        SimulationConfig c = new SimulationConfig();
        c.otherMeasuresFactor = 0.6;
        assertEquals(c.disease.beta() * 0.6, c.transmission().beta(), 1e-12);
        assertEquals(c.sharedAirQuantaPerHour * 0.6, c.effectiveSharedAirQuantaPerHour(), 1e-12);
        assertEquals(0.17, c.disease.beta(), 1e-12, "the calibrated β itself is untouched");
    }

    @Test
    void reportAndMetricsSayTheFactor(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        SimulationConfig c = Scenarios.small(600, 4, 3);
        c.otherMeasuresFactor = 0.5;
        SimulationOutcome o = Simulator.simulate(c, null, 1, ProgressListener.NONE);
        vn.bluezone.simulator.report.ReportFiles.write(o, dir.resolve("vi"),
                vn.bluezone.simulator.report.ReportText.of("vi"));
        vn.bluezone.simulator.report.ReportFiles.write(o, dir.resolve("en"),
                vn.bluezone.simulator.report.ReportText.of("en"));
        String vi = java.nio.file.Files.readString(dir.resolve("vi/report.html"));
        String en = java.nio.file.Files.readString(dir.resolve("en/report.html"));
        assertTrue(vi.contains("nhân mọi nguy cơ lây nhiễm với hệ số <b>0,50</b>"), "Vietnamese decimal comma");
        assertTrue(en.contains("multiply every transmission hazard by <b>0.50</b>"));
        assertTrue(java.nio.file.Files.readString(dir.resolve("en/metrics.json")).contains("\"otherMeasuresFactor\" : 0.5")
                || java.nio.file.Files.readString(dir.resolve("en/metrics.json")).contains("\"otherMeasuresFactor\":0.5"));
        // Without other measures the report says nothing about them.
        SimulationConfig d = Scenarios.small(600, 4, 3);
        vn.bluezone.simulator.report.ReportFiles.write(Simulator.simulate(d, null, 1, ProgressListener.NONE),
                dir.resolve("none"), vn.bluezone.simulator.report.ReportText.of("en"));
        assertFalse(java.nio.file.Files.readString(dir.resolve("none/report.html")).contains("non-app"));
    }

    @Test
    void outOfRangeIsRefusedInOneLine() {
        for (double f : new double[] {0, -0.5, 1.5, Double.NaN}) {
            SimulationConfig c = new SimulationConfig();
            c.otherMeasuresFactor = f;
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, c::validate);
            assertTrue(e.getMessage().startsWith("--other-measures"), e.getMessage());
        }
    }
}
