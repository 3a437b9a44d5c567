package vn.bluezone.cli;

import picocli.CommandLine.Command;

/** Placeholder until this command group is built; see the open issues. */
@Command(name = "start", mixinStandardHelpOptions = true, description = "Run the Bluezone server (key server, statistics and console).")
final class StartCommand implements Runnable {
    @Override
    public void run() {
        throw new CliException("'start' is not available yet in this build");
    }
}
