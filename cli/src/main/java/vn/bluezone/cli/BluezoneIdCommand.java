package vn.bluezone.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.bluezone.protocol.legacy.BluezoneDailyKey;
import vn.bluezone.protocol.legacy.BluezoneId;

/** {@code bluezone crypto bluezone-id}: the 15-minute IDs a 2020 Bluezone daily key gives. */
@Command(name = "bluezone-id", mixinStandardHelpOptions = true,
        description = "Print 'index id_hex' for the 15-minute slots of a 2020 Bluezone app daily key"
                + " (slot i starts at 00:00 UTC + 15*i minutes of the key's day).",
        footer = {"", "Example: bluezone crypto bluezone-id --daily-key 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f --count 4"})
final class BluezoneIdCommand implements Runnable {

    @Option(names = "--daily-key", required = true, paramLabel = "HEX", description = "Daily key, 64 hex digits.")
    String dailyKey;

    @Option(names = "--count", paramLabel = "K", defaultValue = "96",
            description = "Number of slots, 1..96 (default: ${DEFAULT-VALUE}, one day).")
    String count;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        byte[] key = CliArguments.hex("--daily-key", dailyKey, BluezoneDailyKey.LENGTH);
        int k = (int) CliArguments.number("--count", count, 1, BluezoneDailyKey.SLOTS_PER_DAY);
        // The IDs do not depend on the date; the day only names the slots' times.
        List<BluezoneId> ids = BluezoneDailyKey.of(LocalDate.EPOCH, key).ids(k);
        PrintWriter out = spec.commandLine().getOut();
        for (int i = 0; i < ids.size(); i++) {
            out.print(i);
            out.print(' ');
            out.print(ids.get(i).hex());
            out.print('\n');
        }
        out.flush();
    }
}
