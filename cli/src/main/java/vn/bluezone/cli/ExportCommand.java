package vn.bluezone.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.export.ExportBatch;
import vn.bluezone.protocol.export.KeyExportException;
import vn.bluezone.protocol.export.KeyExportWriter;
import vn.bluezone.protocol.export.P256Keys;
import vn.bluezone.protocol.export.SigningKey;

/** {@code bluezone export}: make signing keys, build signed key export files from CSV, and inspect export files. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Build, sign and inspect key export files (the ZIP of export.bin + export.sig that phones download).",
        subcommands = {ExportCommand.Keygen.class, ExportCommand.Build.class, ExportInspectCommand.class})
final class ExportCommand implements Runnable {

    @Override
    public void run() {
        throw new CliException("missing subcommand: keygen, build or inspect (see 'bluezone export --help')");
    }

    /** Turns a library rejection into the CLI's one-line error, reason code first. */
    static CliException fail(KeyExportException e) {
        return new CliException(e.describe(), e);
    }

    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = "Write a new ECDSA P-256 signing key pair: DIR/private.pem (PKCS#8) and DIR/public.pem.")
    static final class Keygen implements Runnable {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for private.pem and public.pem (created if missing).")
        Path out;

        @Override
        public void run() {
            Path priv = out.resolve("private.pem");
            Path pub = out.resolve("public.pem");
            for (Path p : List.of(priv, pub)) {
                if (Files.exists(p)) {
                    throw new CliException(p + " already exists; refusing to overwrite a key");
                }
            }
            KeyPair pair = P256Keys.generate();
            try {
                Files.createDirectories(out);
                writeNew(priv, P256Keys.toPem(pair.getPrivate()), true);
                writeNew(pub, P256Keys.toPem(pair.getPublic()), false);
            } catch (FileAlreadyExistsException e) {
                throw new CliException(e.getFile() + " already exists; refusing to overwrite a key");
            } catch (IOException e) {
                throw new CliException("cannot write the key pair to " + out + ": " + e.getMessage(), e);
            }
            PrintWriter w = spec.commandLine().getOut();
            w.println("wrote " + priv + " (keep it secret) and " + pub + " (give it to phones and verifiers)");
            w.flush();
        }

        private static void writeNew(Path file, String text, boolean secret) throws IOException {
            Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            if (secret) {
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: leave the platform's defaults
                }
            }
        }
    }

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = {"Build a signed export file from a CSV of keys.",
                    "CSV header row: key_hex,rolling_start_interval,rolling_period,transmission_risk,report_type,days_since_onset",
                    "report_type is a name (CONFIRMED_TEST, CONFIRMED_CLINICAL_DIAGNOSIS, SELF_REPORT, RECURSIVE, REVOKED, UNKNOWN) "
                            + "or its number; empty rolling_period means 144, empty transmission_risk 0, "
                            + "empty report_type UNKNOWN, empty days_since_onset absent."})
    static final class Build implements Runnable {
        @Spec
        CommandSpec spec;

        @Option(names = "--keys", required = true, paramLabel = "FILE.csv", description = "Keys to publish.")
        Path keys;

        @Option(names = "--region", required = true, paramLabel = "R", description = "Region of the keys, e.g. VN or 452.")
        String region;

        @Option(names = "--private-key", required = true, paramLabel = "PEM", description = "P-256 private key (PKCS#8 or SEC1 PEM).")
        Path privateKey;

        @Option(names = "--key-id", paramLabel = "ID", defaultValue = "452",
                description = "Signing key id phones look the public key up by (default: ${DEFAULT-VALUE}, Vietnam's MCC).")
        String keyId;

        @Option(names = "--key-version", paramLabel = "V", defaultValue = "v1", description = "Signing key version (default: ${DEFAULT-VALUE}).")
        String keyVersion;

        @Option(names = "--start", paramLabel = "TIME",
                description = "Start of the window (Unix seconds or ISO-8601, e.g. 2021-07-01T00:00:00Z); default: start of the earliest key.")
        String start;

        @Option(names = "--end", paramLabel = "TIME", description = "End of the window; default: end of the latest key.")
        String end;

        @Option(names = "--batch-num", defaultValue = "1", description = "This file's 1-based position in its batch (default: ${DEFAULT-VALUE}).")
        int batchNum;

        @Option(names = "--batch-size", defaultValue = "1", description = "Number of files in the batch (default: ${DEFAULT-VALUE}).")
        int batchSize;

        @Option(names = "--out", required = true, paramLabel = "FILE.zip", description = "Export file to write.")
        Path out;

        @Override
        public void run() {
            checkLabel("--key-id", keyId);
            checkLabel("--key-version", keyVersion);
            SigningKey signer;
            try {
                signer = new SigningKey(P256Keys.readPrivateKey(privateKey), keyId, keyVersion);
            } catch (KeyExportException e) {
                throw new CliException(privateKey + ": " + e.describe(), e);
            }
            List<TemporaryExposureKey> parsed = KeyCsv.read(keys, spec.commandLine().getErr());
            long from = start == null ? parsed.stream().mapToLong(k -> k.rollingStartIntervalNumber()).min().orElseThrow()
                    * EnIntervalNumber.INTERVAL_SECONDS : time("--start", start);
            long to = end == null ? parsed.stream().mapToLong(TemporaryExposureKey::rollingEndIntervalNumber).max().orElseThrow()
                    * EnIntervalNumber.INTERVAL_SECONDS : time("--end", end);
            ExportBatch batch = new ExportBatch(region, from, to, batchNum, batchSize, parsed, List.of());
            try {
                byte[] zip = new KeyExportWriter().write(batch, List.of(signer));
                if (out.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(out.toAbsolutePath().getParent());
                }
                Files.write(out, zip);
                PrintWriter w = spec.commandLine().getOut();
                w.println("wrote " + out + ": " + parsed.size() + (parsed.size() == 1 ? " key" : " keys") + ", region " + region + ", batch " + batchNum + " of "
                        + batchSize + ", window " + Instant.ofEpochSecond(from) + " .. " + Instant.ofEpochSecond(to)
                        + ", signed by key id " + keyId + " version " + keyVersion + " (" + zip.length + " bytes)");
                w.flush();
            } catch (KeyExportException e) {
                throw fail(e);
            } catch (IOException e) {
                throw new CliException("cannot write " + out + ": " + e.getMessage(), e);
            }
        }

        /** Phones look keys up by these labels; the standard restricts them to [a-zA-Z0-9_]. */
        private static void checkLabel(String option, String value) {
            if (!value.matches("[A-Za-z0-9_]{1,64}")) {
                throw new CliException(option + " must be 1 to 64 letters, digits or '_', got '" + value + "'");
            }
        }

        private static long time(String option, String value) {
            String v = value.trim();
            try {
                if (v.matches("\\d{1,12}")) {
                    return Long.parseLong(v);
                }
                return Instant.parse(v).getEpochSecond();
            } catch (DateTimeParseException e) {
                throw new CliException(option + " must be Unix seconds or an ISO-8601 instant such as 2021-07-01T00:00:00Z, got '" + value + "'");
            }
        }
    }

}
