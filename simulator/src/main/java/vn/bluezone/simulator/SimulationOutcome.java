package vn.bluezone.simulator;

import vn.bluezone.simulator.population.Population;

/** A simulate command's results: the run with the app, the same seed without it, and an optional sweep. */
public record SimulationOutcome(SimulationConfig config, Population population, RunResult withApp,
                                RunResult withoutApp, Sweep sweep) {
}
