package vn.bluezone.cli;

import picocli.CommandLine.Command;

/** Placeholder until this command group is built; see the open issues. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Build, sign and inspect key export files.")
final class ExportCommand implements Runnable {
    @Override
    public void run() {
        throw new CliException("'export' is not available yet in this build");
    }
}
