package vn.bluezone.protocol.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.DynamicTest;

/**
 * A table of sample files we did not write and what our reader must say about each
 * (see the header of the .tsv files in src/test/resources).
 */
final class ExportSampleTable {

    record Row(int line, String sample, String layout, String publicKey, String expected, String keys, String region,
               String note) {
        String name() {
            return "line " + line + ": " + sample + " [" + layout + (publicKey == null ? "" : ", key " + publicKey)
                    + "] -> " + expected;
        }
    }

    private ExportSampleTable() {
    }

    static List<Row> load(Path tsv) {
        List<Row> rows = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 7) {
                    throw new IllegalStateException(tsv + " line " + (i + 1) + ": expected 7 columns, found " + f.length);
                }
                rows.add(new Row(i + 1, f[0], f[1], "-".equals(f[2]) ? null : f[2], f[3], f[4], f[5], f[6]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    static Stream<DynamicTest> tests(Path root, Path tsv) {
        return load(tsv).stream().map(row -> DynamicTest.dynamicTest(row.name(), () -> check(root, row)));
    }

    /** Reads the sample as the row says and checks the outcome, key count and region. */
    static void check(Path root, Row row) throws IOException {
        String outcome;
        KeyExport export = null;
        try {
            KeyExportReader reader = row.publicKey() == null ? KeyExportReader.unverified()
                    : KeyExportReader.verifyingWith(VerificationKey.of(P256Keys.readPublicKey(root.resolve(row.publicKey()))));
            export = read(reader, root.resolve(row.sample()), row.layout());
            if (row.publicKey() == null) {
                outcome = "VALID";
                assertTrue(export.signatures().stream().noneMatch(ExportSignature::verified), "nothing verified without a key");
            } else {
                outcome = export.verified() ? "VERIFIED" : "NOT VERIFIED (reader should have thrown)";
            }
        } catch (KeyExportException e) {
            outcome = e.reason().name();
            System.out.println("  " + row.sample() + ": " + e.describe());
        }
        assertEquals(row.expected(), outcome, row.name() + " (" + row.note() + ")");
        if (export != null) {
            assertEquals(Integer.parseInt(row.keys()), export.keys().size(), "key count of " + row.sample());
            assertEquals(row.region(), export.region(), "region of " + row.sample());
            assertEquals("EK Export v1", export.header());
        }
    }

    static KeyExport read(KeyExportReader reader, Path file, String layout) throws IOException {
        byte[] data = Files.readAllBytes(file);
        if (layout.equals("zip")) {
            return reader.read(data);
        }
        if (layout.equals("bin")) {
            return reader.readEntries(data, null);
        }
        if (layout.equals("bin+sig")) {
            return reader.readEntries(data, Files.readAllBytes(file.resolveSibling("export.sig")));
        }
        if (layout.startsWith("entries:")) {
            String[] names = layout.substring("entries:".length()).split(",");
            byte[] bin = entry(data, names[0]);
            byte[] sig = "-".equals(names[1]) ? null : entry(data, names[1]);
            return reader.readEntries(bin, sig);
        }
        throw new IllegalArgumentException("unknown layout " + layout);
    }

    /** One entry of a ZIP, taken out the plain way (test-side, independent of the reader). */
    static byte[] entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new IllegalArgumentException("no entry " + name);
    }
}
