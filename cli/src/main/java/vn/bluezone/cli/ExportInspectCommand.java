package vn.bluezone.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.export.ExportSignature;
import vn.bluezone.protocol.export.KeyExport;
import vn.bluezone.protocol.export.KeyExportException;
import vn.bluezone.protocol.export.KeyExportReader;
import vn.bluezone.protocol.export.P256Keys;
import vn.bluezone.protocol.export.VerificationKey;

/** {@code bluezone export inspect}: checks an export file (structure, signatures) and prints what it holds. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Check an export file and show what it holds.",
                "Exit 0 only when the file is valid and, if public keys are given, a signature verifies with one of them."})
final class ExportInspectCommand implements Runnable {
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
