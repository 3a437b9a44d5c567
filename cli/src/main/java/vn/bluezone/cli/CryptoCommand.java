package vn.bluezone.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bluezone crypto}: prints the identifiers a key produces (GAEN v1.2 and the 2020 Bluezone app). */
@Command(name = "crypto", mixinStandardHelpOptions = true,
        description = "Exposure Notification and 2020 Bluezone identifiers.",
        subcommands = {RpiCommand.class, BluezoneIdCommand.class})
final class CryptoCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
