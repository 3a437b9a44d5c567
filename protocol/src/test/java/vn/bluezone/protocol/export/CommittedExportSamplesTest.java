package vn.bluezone.protocol.export;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The small samples committed under src/test/resources/export-samples: run everywhere, no ../shared needed. */
class CommittedExportSamplesTest {

    static Path samples() {
        try {
            return Path.of(CommittedExportSamplesTest.class.getResource("/export-samples/expected.tsv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCommittedSampleHasItsExpectedOutcome() {
        Path root = samples();
        return ExportSampleTable.tests(root, root.resolve("expected.tsv"));
    }
}
