package vn.bluezone.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.export.ExportBatch;
import vn.bluezone.protocol.export.ExportSignature;
import vn.bluezone.protocol.export.KeyExport;
import vn.bluezone.protocol.export.KeyExportException;
import vn.bluezone.protocol.export.KeyExportReader;
import vn.bluezone.protocol.export.KeyExportWriter;
import vn.bluezone.protocol.export.P256Keys;
import vn.bluezone.protocol.export.SigningKey;
import vn.bluezone.protocol.export.VerificationKey;

/** {@code bluezone export}: make signing keys, build signed key export files from CSV, and inspect export files. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Build, sign and inspect key export files (the ZIP of export.bin + export.sig that phones download).",
        subcommands = {ExportCommand.Keygen.class, ExportCommand.Build.class, ExportCommand.Inspect.class})
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

    /** Reads the key CSV, reporting every bad row by its line number (the header is line 1). */
    static final class KeyCsv {
        static final List<String> COLUMNS = List.of("key_hex", "rolling_start_interval", "rolling_period",
                "transmission_risk", "report_type", "days_since_onset");
        private static final int MAX_REPORTED = 20;
        private static final CSVFormat ROW = CSVFormat.RFC4180;

        private KeyCsv() {
        }

        static List<TemporaryExposureKey> read(Path csv, PrintWriter err) {
            List<String> lines;
            try {
                lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new CliException("no such file: " + csv);
            } catch (IOException e) {
                throw new CliException("cannot read " + csv + ": " + e.getMessage(), e);
            }
            int headerAt = -1;
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    headerAt = i;
                    break;
                }
            }
            if (headerAt < 0) {
                throw new CliException(csv + " is empty; expected the header row " + String.join(",", COLUMNS));
            }
            List<String> header = new ArrayList<>();
            try {
                for (String h : fields(lines.get(headerAt).replace("\uFEFF", ""))) {
                    header.add(h.trim().toLowerCase(Locale.ROOT));
                }
            } catch (IllegalArgumentException e) {
                header.clear(); // reported below as a wrong header, with its line
            }
            if (!header.equals(COLUMNS)) {
                throw new CliException(csv + " line " + (headerAt + 1) + ": the header row must be "
                        + String.join(",", COLUMNS) + ", got " + lines.get(headerAt).trim());
            }
            List<TemporaryExposureKey> keys = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            for (int i = headerAt + 1; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank()) {
                    continue;
                }
                int lineNo = i + 1;
                try {
                    TemporaryExposureKey k = parseRow(line);
                    Integer first = seen.putIfAbsent(k.keyHex(), lineNo);
                    if (first != null) {
                        throw new IllegalArgumentException("key_hex " + k.keyHex() + " repeats line " + first);
                    }
                    keys.add(k);
                } catch (IllegalArgumentException e) {
                    errors.add(csv + " line " + lineNo + ": " + e.getMessage());
                }
            }
            if (!errors.isEmpty()) {
                for (int i = 0; i < Math.min(MAX_REPORTED, errors.size()); i++) {
                    err.println("error: " + errors.get(i));
                }
                if (errors.size() > MAX_REPORTED) {
                    err.println("error: ... and " + (errors.size() - MAX_REPORTED) + " more bad rows");
                }
                err.flush();
                throw new CliException(csv + ": " + errors.size() + (errors.size() == 1 ? " bad row" : " bad rows")
                        + " (listed above); nothing written");
            }
            if (keys.isEmpty()) {
                throw new CliException(csv + " has a header but no key rows");
            }
            return keys;
        }

        /**
         * The fields of one row (RFC 4180 by Apache Commons CSV: quoted fields, "" escapes). Rows are read one
         * physical line at a time so that every error names the line a spreadsheet shows.
         */
        static String[] fields(String line) {
            try (CSVParser p = CSVParser.parse(line, ROW)) {
                List<CSVRecord> records = p.getRecords();
                return records.isEmpty() ? new String[] {""} : records.get(0).values();
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new IllegalArgumentException("not a CSV row: a quoted field is not closed, or text follows its "
                        + "closing quote");
            }
        }

        static TemporaryExposureKey parseRow(String line) {
            String[] f = fields(line);
            if (f.length != COLUMNS.size()) {
                throw new IllegalArgumentException("expected " + COLUMNS.size() + " columns, found " + f.length);
            }
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i].trim();
            }
            String hex = f[0];
            if (!hex.matches("[0-9a-fA-F]{32}")) {
                throw new IllegalArgumentException("key_hex must be 32 hex digits (16 bytes), got '" + hex + "'"
                        + (hex.length() != 32 ? " (" + hex.length() + " characters)" : ""));
            }
            int startInterval = integer("rolling_start_interval", f[1], null, 0, Integer.MAX_VALUE);
            int period = integer("rolling_period", f[2], 144, 1, 144);
            int risk = integer("transmission_risk", f[3], 0, 0, 8);
            ReportType type = reportType(f[4]);
            Integer onset = f[5].isEmpty() ? null : integer("days_since_onset", f[5], null, -14, 14);
            return new TemporaryExposureKey(HexFormat.of().parseHex(hex), startInterval, period, risk, type, onset);
        }

        private static int integer(String column, String value, Integer whenEmpty, int min, int max) {
            if (value.isEmpty()) {
                if (whenEmpty == null) {
                    throw new IllegalArgumentException(column + " is empty");
                }
                return whenEmpty;
            }
            long v;
            try {
                v = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(column + " must be a whole number, got '" + value + "'");
            }
            if (v < min || v > max) {
                throw new IllegalArgumentException(column + " must be " + min + ".." + max + ", got " + value);
            }
            return (int) v;
        }

        private static ReportType reportType(String value) {
            if (value.isEmpty()) {
                return ReportType.UNKNOWN;
            }
            if (value.matches("-?\\d+")) {
                try {
                    return ReportType.ofCode(Integer.parseInt(value));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("report_type must be 0..5 or a name, got " + value);
                }
            }
            try {
                return ReportType.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("report_type must be one of " + List.of(ReportType.values())
                        + " or 0..5, got '" + value + "'");
            }
        }
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = {"Check an export file and show what it holds.",
                    "Exit 0 only when the file is valid and, if public keys are given, a signature verifies with one of them."})
    static final class Inspect implements Runnable {
        private static final JsonMapper JSON = JsonMapper.builder().build();

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE.zip", description = "Export file (ZIP with export.bin and export.sig).")
        Path file;

        @Option(names = "--public-key", paramLabel = "PEM",
                description = "Public key (PEM public key or certificate) a signature must verify with; repeat to trust several.")
        List<Path> publicKeys = new ArrayList<>();

        @Option(names = "--json", description = "Print one JSON object instead of a summary.")
        boolean json;

        @Option(names = "--keys", description = "Also list every key.")
        boolean listKeys;

        @Option(names = "--max-entry-bytes", paramLabel = "N", defaultValue = "67108864",
                description = "Largest uncompressed ZIP entry accepted (default: ${DEFAULT-VALUE}, 64 MiB).")
        long maxEntryBytes;

        @Override
        public void run() {
            PrintWriter w = spec.commandLine().getOut();
            KeyExport export;
            try {
                List<VerificationKey> trusted = new ArrayList<>();
                for (Path p : publicKeys) {
                    try {
                        trusted.add(VerificationKey.of(P256Keys.readPublicKey(p)));
                    } catch (KeyExportException e) {
                        throw new KeyExportException(e.reason(), p + ": " + e.getMessage(), e);
                    }
                }
                KeyExportReader reader = trusted.isEmpty() ? KeyExportReader.unverified() : KeyExportReader.verifyingWith(trusted);
                export = reader.withLimits(Math.max(maxEntryBytes, 1024), KeyExportReader.DEFAULT_MAX_ENTRIES).read(file);
            } catch (KeyExportException e) {
                if (json) {
                    Map<String, Object> invalid = new LinkedHashMap<>();
                    invalid.put("file", file.toString());
                    invalid.put("valid", false);
                    invalid.put("reason", e.reason().name());
                    invalid.put("message", e.getMessage());
                    w.println(JSON.writeValueAsString(invalid));
                    w.flush();
                }
                throw new CliException(file + ": " + e.describe(), e);
            }
            if (json) {
                w.println(toJson(export));
            } else {
                printSummary(w, export);
            }
            w.flush();
        }

        /** The inspect answer as one JSON object, in this field order (scripts read it). */
        private String toJson(KeyExport e) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("file", file.toString());
            o.put("valid", true);
            o.put("verified", e.verified());
            o.put("header", e.header());
            o.put("region", e.region());
            o.put("batchNum", e.batchNum());
            o.put("batchSize", e.batchSize());
            o.put("startTimestamp", e.startTimestamp());
            o.put("endTimestamp", e.endTimestamp());
            o.put("keyCount", e.keys().size());
            o.put("revisedKeyCount", e.revisedKeys().size());
            List<Map<String, Object>> signatures = new ArrayList<>();
            for (ExportSignature s : e.signatures()) {
                Map<String, Object> sig = new LinkedHashMap<>();
                sig.put("keyId", s.info().keyId());
                sig.put("keyVersion", s.info().keyVersion());
                sig.put("algorithm", s.info().algorithm());
                sig.put("batchNum", s.batchNum());
                sig.put("batchSize", s.batchSize());
                sig.put("verified", s.verified());
                sig.put("detail", s.detail());
                signatures.add(sig);
            }
            o.put("signatures", signatures);
            if (listKeys) {
                o.put("keys", keysJson(e.keys()));
                o.put("revisedKeys", keysJson(e.revisedKeys()));
            }
            return JSON.writeValueAsString(o);
        }

        private static List<Map<String, Object>> keysJson(List<TemporaryExposureKey> keys) {
            List<Map<String, Object>> out = new ArrayList<>(keys.size());
            for (TemporaryExposureKey k : keys) {
                Map<String, Object> key = new LinkedHashMap<>();
                key.put("keyData", k.keyHex());
                key.put("rollingStartIntervalNumber", k.rollingStartIntervalNumber());
                key.put("rollingPeriod", k.rollingPeriod());
                key.put("transmissionRiskLevel", k.transmissionRiskLevel());
                key.put("reportType", k.reportType().name());
                key.put("daysSinceOnsetOfSymptoms", k.daysSinceOnsetOfSymptoms());
                out.add(key);
            }
            return out;
        }

        private void printSummary(PrintWriter w, KeyExport e) {
            w.printf("file:        %s%n", file);
            w.printf("header:      %s%n", e.header());
            w.printf("region:      %s%n", e.region().isEmpty() ? "(absent)" : e.region());
            w.printf("batch:       %d of %d%n", e.batchNum(), e.batchSize());
            w.printf("window:      %s .. %s (%d .. %d)%n", Instant.ofEpochSecond(e.startTimestamp()),
                    Instant.ofEpochSecond(e.endTimestamp()), e.startTimestamp(), e.endTimestamp());
            w.printf("keys:        %d (revised: %d)%n", e.keys().size(), e.revisedKeys().size());
            w.printf("signatures:  %d%n", e.signatures().size());
            for (int i = 0; i < e.signatures().size(); i++) {
                ExportSignature s = e.signatures().get(i);
                w.printf("  %d. key id '%s', version '%s', algorithm '%s', batch %d of %d: %s (%s)%n", i + 1,
                        s.info().keyId(), s.info().keyVersion(), s.info().algorithm(), s.batchNum(), s.batchSize(),
                        s.verified() ? "VERIFIED" : "not verified", s.detail());
            }
            if (listKeys) {
                printKeys(w, "key", e.keys());
                printKeys(w, "revised", e.revisedKeys());
            }
            w.println("result:      valid" + (publicKeys.isEmpty()
                    ? (e.signatures().isEmpty() ? ", unsigned (no public key given)" : ", signatures not checked (no public key given)")
                    : ", signature verified"));
        }

        private static void printKeys(PrintWriter w, String label, List<TemporaryExposureKey> keys) {
            for (TemporaryExposureKey k : keys) {
                w.printf("  %s %s start=%d period=%d risk=%d %s onset=%s%n", label, k.keyHex(), k.rollingStartIntervalNumber(),
                        k.rollingPeriod(), k.transmissionRiskLevel(), k.reportType(),
                        k.daysSinceOnsetOfSymptoms() == null ? "-" : k.daysSinceOnsetOfSymptoms());
            }
        }
    }
}
