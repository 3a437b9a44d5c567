package vn.bluezone.server.keys.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.export.KeyExport;
import vn.bluezone.protocol.export.KeyExportReader;
import vn.bluezone.protocol.export.P256Keys;
import vn.bluezone.protocol.export.SigningKey;
import vn.bluezone.protocol.export.VerificationKey;

class ExportFileBuilderTest {
    private final SecureRandom random = new SecureRandom();

    private List<TemporaryExposureKey> keys(int n) {
        List<TemporaryExposureKey> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] k = new byte[16];
            random.nextBytes(k);
            out.add(new TemporaryExposureKey(k, 2_900_000 + (i % 14) * 144, 144, i % 8, ReportType.CONFIRMED_TEST, i % 10 - 3));
        }
        return out;
    }

    @Test
    void largeBatchesAreSplitAndEveryFileIsSignedByEveryKey() {
        KeyPair a = P256Keys.generate();
        KeyPair b = P256Keys.generate();
        List<SigningKey> signers = List.of(new SigningKey(a.getPrivate(), "452", "v1"), new SigningKey(b.getPrivate(), "452", "v2"));
        List<TemporaryExposureKey> keys = keys(2_500);
        Instant start = Instant.parse("2026-11-28T10:00:00Z");
        List<ExportFileBuilder.BuiltFile> files = new ExportFileBuilder(1_000).build("VN", "hour", start,
                start.plusSeconds(3600), keys, signers);
        assertThat(files).extracting(ExportFileBuilder.BuiltFile::keyCount).containsExactly(1_000, 1_000, 500);
        assertThat(files.get(2).name()).isEqualTo("hour-" + start.getEpochSecond() + "-" + (start.getEpochSecond() + 3600) + "-00003.zip");
        Set<TemporaryExposureKey> read = new HashSet<>();
        for (ExportFileBuilder.BuiltFile f : files) {
            for (KeyPair kp : List.of(a, b)) {
                KeyExport e = KeyExportReader.verifyingWith(VerificationKey.of(kp.getPublic())).read(f.zip());
                assertThat(e.verified()).isTrue();
                assertThat(e.batchSize()).isEqualTo(3);
                assertThat(e.signatures()).hasSize(2);
                read.addAll(e.keys());
            }
        }
        assertThat(read).containsExactlyInAnyOrderElementsOf(keys);
    }

    /** Issue 15 §6: the files are deflated at the configured level, 9 by default (the smallest download). */
    @Test
    void filesAreDeflatedAtTheConfiguredLevel() {
        List<SigningKey> signers = List.of(new SigningKey(P256Keys.generate().getPrivate(), "452", "v1"));
        List<TemporaryExposureKey> keys = keys(20_000);
        Instant start = Instant.parse("2026-11-28T10:00:00Z");
        int level1 = new ExportFileBuilder(500_000, 1).build("VN", "hour", start, start.plusSeconds(3600), keys, signers)
                .get(0).zip().length;
        int byDefault = new ExportFileBuilder(500_000).build("VN", "hour", start, start.plusSeconds(3600), keys, signers)
                .get(0).zip().length;
        int level9 = new ExportFileBuilder(500_000, 9).build("VN", "hour", start, start.plusSeconds(3600), keys, signers)
                .get(0).zip().length;
        assertThat(byDefault).isLessThan(level1 * 97 / 100).isBetween(level9 - 200, level9 + 200); // signatures vary in length
        assertThat(new org.springframework.boot.context.properties.bind.Binder()
                .bindOrCreate("bluezone.keys", vn.bluezone.server.keys.KeysProperties.class).export().compressionLevel())
                .isEqualTo(ExportFileBuilder.DEFAULT_COMPRESSION_LEVEL).isEqualTo(9);
    }

    @Test
    void paddingCopiesRealMetadataWithFreshKeyBytes() {
        List<TemporaryExposureKey> real = keys(7);
        List<TemporaryExposureKey> pad = ExportFileBuilder.padding(real, 1_000, random);
        assertThat(pad).hasSize(993);
        Set<String> metadata = new HashSet<>();
        real.forEach(k -> metadata.add(k.rollingStartIntervalNumber() + "/" + k.rollingPeriod() + "/"
                + k.transmissionRiskLevel() + "/" + k.reportType() + "/" + k.daysSinceOnsetOfSymptoms()));
        Set<String> realBytes = new HashSet<>();
        real.forEach(k -> realBytes.add(k.keyHex()));
        for (TemporaryExposureKey p : pad) {
            assertThat(metadata).contains(p.rollingStartIntervalNumber() + "/" + p.rollingPeriod() + "/"
                    + p.transmissionRiskLevel() + "/" + p.reportType() + "/" + p.daysSinceOnsetOfSymptoms());
            assertThat(realBytes).doesNotContain(p.keyHex());
        }
        assertThat(ExportFileBuilder.padding(keys(1_200), 1_000, random)).isEmpty();
        assertThat(ExportFileBuilder.padding(List.of(), 1_000, random)).isEmpty();
    }
}
