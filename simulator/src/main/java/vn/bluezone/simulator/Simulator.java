package vn.bluezone.simulator;

import vn.bluezone.simulator.population.Population;
import vn.bluezone.simulator.population.PopulationBuilder;
import vn.bluezone.simulator.tracing.RegistryFeed;

/** Entry point used by the CLI and tests: the run with the app, its no-app twin, and an optional sweep. */
public final class Simulator {
    private Simulator() {
    }

    public static SimulationOutcome simulate(SimulationConfig cfg, double[] sweepLevels, int seeds,
                                             ProgressListener progress) {
        cfg.validate();
        if (cfg.mode == SimulationConfig.Mode.ENGINES && cfg.serverUrl != null
                && (cfg.apiKey == null || cfg.apiKey.isBlank())) {
            throw new IllegalArgumentException("--mode engines with --server needs an administrator's API key "
                    + "(--api-key or BLUEZONE_API_KEY): it issues the cases' codes, runs the export job and moves the "
                    + "test server's clock");
        }
        if (cfg.mode == SimulationConfig.Mode.ENGINES && sweepLevels != null) {
            throw new UnsupportedOperationException("--sweep-adoption runs in mode 'contacts' only");
        }
        if (cfg.mode == SimulationConfig.Mode.ENGINES && cfg.checkinShare > 0) {
            throw new UnsupportedOperationException("--checkin-share runs in mode 'contacts' only");
        }
        if (seeds < 1 || seeds > 100) {
            throw new IllegalArgumentException("--seeds must be between 1 and 100, got " + seeds);
        }
        if (sweepLevels != null) {
            for (double l : sweepLevels) {
                if (!(l >= 0 && l <= 1)) {
                    throw new IllegalArgumentException("--sweep-adoption levels must be between 0 and 1, got " + l);
                }
            }
        }
        Population pop = new PopulationBuilder(cfg.populationParameters).build(cfg.population, cfg.seed);
        Simulation withApp = new Simulation(cfg, pop);
        RegistryFeed feed = cfg.serverUrl == null ? null : new RegistryFeed(cfg.serverUrl, cfg.commune, cfg.seed);
        if (feed != null) {
            withApp.observe(feed);
        }
        RunResult with = withApp.run("with app", progress);
        if (feed != null) {
            with.registryRegistered = feed.registered();
            with.registryHeartbeats = feed.heartbeats();
            with.registryFailures = feed.failures();
            with.registryFirstFailure = feed.firstFailure();
        }
        RunResult without = new Simulation(cfg.withAdoption(0), pop).run("without app", progress);
        Sweep sweep = sweepLevels == null ? null : Sweep.run(cfg, sweepLevels, seeds, progress);
        CheckinComparison checkins = cfg.checkinShare > 0 && cfg.mode == SimulationConfig.Mode.CONTACTS
                ? CheckinComparison.run(cfg, seeds, progress) : null;
        return new SimulationOutcome(cfg, pop, with, without, sweep, checkins);
    }
}
