package vn.bluezone.cli;

import picocli.CommandLine.Command;

/** Placeholder until this command group is built; see the open issues. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Quick benchmarks.")
final class BenchCommand implements Runnable {
    @Override
    public void run() {
        throw new CliException("'bench' is not available yet in this build");
    }
}
