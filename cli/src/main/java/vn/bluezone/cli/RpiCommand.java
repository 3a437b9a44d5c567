package vn.bluezone.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.bluezone.protocol.crypto.AdvertisementPayload;
import vn.bluezone.protocol.crypto.BluetoothMetadata;
import vn.bluezone.protocol.crypto.RollingProximityIdentifierKey;
import vn.bluezone.protocol.crypto.TekKeys;

/** {@code bluezone crypto rpi}: the RPI and AEM a TEK gives for consecutive intervals. */
@Command(name = "rpi", mixinStandardHelpOptions = true,
        description = "Print 'ENIntervalNumber RPI_hex AEM_hex' for consecutive 10-minute intervals of a TEK"
                + " (Exposure Notification cryptography v1.2).",
        footer = {"", "Example: bluezone crypto rpi --tek 75c734c6dd1a782de7a965da5eb93125 --interval 2642976 --count 3"})
final class RpiCommand implements Runnable {
    /** Bound on one run's output (about 60 MB of text). */
    static final long MAX_COUNT = 1_000_000;

    @Option(names = "--tek", required = true, paramLabel = "HEX", description = "Temporary Exposure Key, 32 hex digits.")
    String tek;

    @Option(names = "--interval", required = true, paramLabel = "N",
            description = "First ENIntervalNumber (unix seconds / 600), 0..4294967295.")
    String interval;

    @Option(names = "--count", paramLabel = "K", defaultValue = "144",
            description = "Number of intervals, 1..1000000 (default: ${DEFAULT-VALUE}, one day).")
    String count;

    @Option(names = "--metadata", paramLabel = "HEX", defaultValue = "40080000",
            description = "Bluetooth metadata to encrypt, 8 hex digits: version, tx power (dBm), 2 reserved (default: ${DEFAULT-VALUE}).")
    String metadata;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        byte[] key = CliArguments.hex("--tek", tek, 16);
        long first = CliArguments.number("--interval", interval, 0, RollingProximityIdentifierKey.MAX_INTERVAL);
        int k = (int) CliArguments.number("--count", count, 1, MAX_COUNT);
        BluetoothMetadata meta = BluetoothMetadata.of(CliArguments.hex("--metadata", metadata, 4));
        if (first + k - 1 > RollingProximityIdentifierKey.MAX_INTERVAL) {
            throw new CliException("--interval " + first + " with --count " + k
                    + " goes past the largest ENIntervalNumber " + RollingProximityIdentifierKey.MAX_INTERVAL);
        }
        TekKeys keys = TekKeys.derive(key);
        PrintWriter out = spec.commandLine().getOut();
        // Batches keep memory flat for large counts.
        for (long done = 0; done < k; ) {
            int n = (int) Math.min(10_000, k - done);
            for (AdvertisementPayload p : keys.payloads(first + done, n, meta)) {
                out.print(p.enIntervalNumber());
                out.print(' ');
                out.print(p.rpi().hex());
                out.print(' ');
                out.print(p.aem().hex());
                out.print('\n');
            }
            done += n;
        }
        out.flush();
    }
}
