package vn.bluezone.cli;

import picocli.CommandLine.Command;

/** Placeholder until this command group is built; see the open issues. */
@Command(name = "crypto", mixinStandardHelpOptions = true, description = "Exposure Notification and 2020 Bluezone identifiers.")
final class CryptoCommand implements Runnable {
    @Override
    public void run() {
        throw new CliException("'crypto' is not available yet in this build");
    }
}
