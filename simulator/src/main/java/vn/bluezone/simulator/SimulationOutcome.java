package vn.bluezone.simulator;

import vn.bluezone.simulator.population.Population;

/**
 * A simulate command's results: the run with the app, the same seed without it, an optional sweep, and the
 * check-ins next to Bluetooth alone (null without {@code --checkin-share}).
 */
public record SimulationOutcome(SimulationConfig config, Population population, RunResult withApp,
                                RunResult withoutApp, Sweep sweep, CheckinComparison checkins) {
    public SimulationOutcome(SimulationConfig config, Population population, RunResult withApp, RunResult withoutApp,
                             Sweep sweep) {
        this(config, population, withApp, withoutApp, sweep, null);
    }
}
