package vn.bluezone.protocol.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import vn.bluezone.protocol.TemporaryExposureKey;

/**
 * All 29 export files of ../shared/data/export-samples (national servers' test suites and Google's reference
 * server), with the outcomes recorded in src/test/resources/export-samples-expected.tsv. Skipped, with the
 * reason printed, when ../shared is absent.
 */
class SharedExportSamplesTest {

    static Path samplesOrSkip() {
        Path dir = Path.of(System.getProperty("user.dir")).resolve("../../shared/data/export-samples").normalize();
        boolean present = Files.isDirectory(dir);
        if (!present) {
            System.out.println("SKIPPED SharedExportSamplesTest: " + dir + " is absent (../shared not beside the repository)");
        }
        Assumptions.assumeTrue(present, dir + " is absent");
        return dir;
    }

    static Path table() {
        return CommittedExportSamplesTest.samples().getParent().resolve("export-samples-expected.tsv");
    }

    @TestFactory
    Stream<DynamicTest> everySharedSampleHasItsExpectedOutcome() {
        return ExportSampleTable.tests(samplesOrSkip(), table());
    }

    /** A sample added to ../shared must be classified here too, or this fails. */
    @Test
    void theTableCoversEverySampleFile() throws IOException {
        Path root = samplesOrSkip();
        Set<String> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("pubkeys/") && !p.contains("/derived/"))
                    .filter(p -> !p.matches(".*\\.(md|tsv|pem|json|properties|crt)$"))
                    .filter(p -> !p.endsWith("/export.sig") && !p.endsWith("/content.sig"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> covered = ExportSampleTable.load(table()).stream().map(ExportSampleTable.Row::sample)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(29, files.size(), "PROVENANCE.md lists 29 files: " + files);
        assertEquals(files, covered);
    }

    /** Google's example export ships the keys it holds as JSON: what we read must be exactly those keys. */
    @Test
    void keysReadMatchTheJsonPublishedBesideGooglesExample() throws IOException {
        Path root = samplesOrSkip();
        for (String dir : List.of("gens-testExport-v1", "gens-testExport-v2")) {
            String json = Files.readString(root.resolve(dir).resolve("keys.json"));
            Matcher m = Pattern.compile("\"key\":\\s*\"([^\"]+)\",\\s*\"rollingStartNumber\":\\s*(\\d+),\\s*"
                    + "\"rollingPeriod\":\\s*(\\d+),\\s*\"transmissionRisk\":\\s*(\\d+)").matcher(json);
            Set<String> expected = new TreeSet<>();
            while (m.find()) {
                expected.add(hex(Base64.getDecoder().decode(m.group(1))) + " " + m.group(2) + " " + m.group(3) + " " + m.group(4));
            }
            assertEquals(2, expected.size(), "keys.json parsed");
            KeyExport export = KeyExportReader.unverified().read(root.resolve(dir).resolve("testExport-2-records-1-of-1.zip"));
            Set<String> actual = export.keys().stream().map(k -> k.keyHex() + " " + k.rollingStartIntervalNumber()
                    + " " + k.rollingPeriod() + " " + k.transmissionRiskLevel()).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expected, actual, dir);
        }
    }

    /** The zip bomb guard on a real, large file: 724 KB of export.bin against a 100 KB limit. */
    @Test
    void entrySizeLimitStopsALargeRealFile() {
        Path root = samplesOrSkip();
        KeyExportException e = org.junit.jupiter.api.Assertions.assertThrows(KeyExportException.class,
                () -> KeyExportReader.unverified().withLimits(100_000, 8).read(root.resolve("cwa-dev-android-keysbin/keys.bin")));
        assertEquals(KeyExportError.ENTRY_TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("export.bin"), e.getMessage());
    }

    /** 24,131 real keys through our writer and back: same keys, and the new file verifies with our key. */
    @Test
    void realKeysSurviveARewriteWithOurWriter() {
        Path root = samplesOrSkip();
        KeyExport original = KeyExportReader.unverified().read(root.resolve("cwa-dev-android-keysbin/keys.bin"));
        var pair = P256Keys.generate();
        byte[] zip = new KeyExportWriter().write(new ExportBatch(original.region(), original.startTimestamp(),
                original.endTimestamp(), 1, 1, original.keys(), List.of()), List.of(new SigningKey(pair.getPrivate(), "262", "v1")));
        KeyExport again = KeyExportReader.verifyingWith(VerificationKey.of(pair.getPublic())).read(zip);
        assertEquals(new java.util.HashSet<TemporaryExposureKey>(original.keys()), new java.util.HashSet<>(again.keys()));
        assertEquals(original.keys().size(), again.keys().size());
        assertEquals(original.startTimestamp(), again.startTimestamp());
    }

    private static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }
}
