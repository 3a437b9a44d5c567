package vn.bluezone.protocol.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import com.google.protobuf.ByteString;

import vn.bluezone.protocol.export.proto.ExportProto;

/** Every rejection reason, on inputs derived from a committed third-party sample and on hand-made files. */
class KeyExportReaderTest {
    private static final KeyPair PAIR = P256Keys.generate();
    private static final SigningKey SIGNER = new SigningKey(PAIR.getPrivate(), "452", "v1");

    private static byte[] googleSample() throws IOException {
        return Files.readAllBytes(CommittedExportSamplesTest.samples().resolve("google-sample-export.zip"));
    }

    private static VerificationKey googleKey() {
        return VerificationKey.of(P256Keys.readPublicKey(
                CommittedExportSamplesTest.samples().resolve("google-ens-sample-export-2020-05-15.pub.pem")));
    }

    private static KeyExportException rejects(KeyExportError reason, Executable read) {
        KeyExportException e = assertThrows(KeyExportException.class, read);
        assertEquals(reason, e.reason(), e.getMessage());
        return e;
    }

    private static byte[] ourFile(int keys) {
        return new KeyExportWriter().write(new ExportBatch("VN", 1_600_000_000L, 1_600_003_600L, 1, 1,
                ExportTestData.keys(keys, 11), List.of()), List.of(SIGNER));
    }

    @Test
    void readsAndVerifiesGooglesSampleAndDefaultsTheAbsentRollingPeriodTo144() throws IOException {
        KeyExport e = KeyExportReader.verifyingWith(googleKey()).read(googleSample());
        assertTrue(e.verified());
        assertEquals(1589490000L, e.startTimestamp());
        assertEquals(1589493600L, e.endTimestamp());
        assertEquals("ExampleServer_k1", e.signatureInfos().get(0).keyId());
        assertTrue(e.keys().stream().allMatch(k -> k.rollingPeriod() == 144));
    }

    @Test
    void negativeDaysSinceOnsetFromAnotherServerDecode() throws IOException {
        KeyExport e = KeyExportReader.unverified().read(Files.readAllBytes(
                CommittedExportSamplesTest.samples().resolve("google-unsigned-1605818700.zip")));
        assertTrue(e.keys().stream().anyMatch(k -> k.daysSinceOnsetOfSymptoms() != null && k.daysSinceOnsetOfSymptoms() < 0));
        assertTrue(e.signatures().isEmpty());
        assertFalse(e.verified());
    }

    @Test
    void oneChangedByteInExportBinBreaksTheSignature() throws IOException {
        byte[] bin = ExportSampleTable.entry(googleSample(), "export.bin");
        byte[] sig = ExportSampleTable.entry(googleSample(), "export.sig");
        bin[bin.length - 10] ^= 1;
        byte[] tampered = ExportTestData.zip(ExportTestData.entries("export.bin", bin, "export.sig", sig));
        KeyExportException e = rejects(KeyExportError.SIGNATURE_MISMATCH, () -> KeyExportReader.verifyingWith(googleKey()).read(tampered));
        assertTrue(e.getMessage().contains("ExampleServer_k1"), e.getMessage());
        assertEquals(2, KeyExportReader.unverified().read(tampered).keys().size(), "still well formed");
    }

    @Test
    void notAZip() {
        KeyExportReader r = KeyExportReader.unverified();
        rejects(KeyExportError.BAD_ZIP, () -> r.read("hello, this is text".getBytes(StandardCharsets.US_ASCII)));
        rejects(KeyExportError.BAD_ZIP, () -> r.read(new byte[0]));
        KeyExportException bare = rejects(KeyExportError.BAD_ZIP,
                () -> r.read(ExportSampleTable.entry(googleSample(), "export.bin")));
        assertTrue(bare.getMessage().contains("bare export.bin"), bare.getMessage());
        rejects(KeyExportError.BAD_ZIP, () -> r.read(Path.of("/nonexistent/bluezone/export.zip")));
    }

    @Test
    void truncatedZip() {
        byte[] zip = ourFile(2000);
        rejects(KeyExportError.BAD_ZIP, () -> KeyExportReader.unverified().read(Arrays.copyOf(zip, zip.length / 2)));
    }

    @Test
    void missingOrMisnamedEntries() throws IOException {
        byte[] bin = ExportSampleTable.entry(googleSample(), "export.bin");
        byte[] sig = ExportSampleTable.entry(googleSample(), "export.sig");
        KeyExportReader r = KeyExportReader.unverified();
        KeyExportException e = rejects(KeyExportError.MISSING_ENTRY,
                () -> r.read(ExportTestData.zip(ExportTestData.entries("Export.bin", bin, "export.sig", sig))));
        assertTrue(e.getMessage().contains("\"Export.bin\""), "names what it found: " + e.getMessage());
        rejects(KeyExportError.MISSING_ENTRY, () -> r.read(ExportTestData.zip(ExportTestData.entries("export.bin", bin))));
        rejects(KeyExportError.MISSING_ENTRY,
                () -> r.read(ExportTestData.zip(ExportTestData.entries("sub/export.bin", bin, "sub/export.sig", sig))));
        // Extra entries (e.g. the Netherlands' content.sig) are allowed.
        assertEquals(2, r.read(ExportTestData.zip(ExportTestData.entries("export.bin", bin, "export.sig", sig,
                "content.sig", new byte[32]))).keys().size());
    }

    @Test
    void duplicateEntry() throws IOException {
        byte[] bin = ExportSampleTable.entry(googleSample(), "export.bin");
        byte[] sig = ExportSampleTable.entry(googleSample(), "export.sig");
        // ZipOutputStream refuses duplicate names, so write "export.biX" and patch its name in the raw bytes.
        byte[] zip = ExportTestData.zip(ExportTestData.entries("export.bin", bin, "export.biX", bin, "export.sig", sig));
        byte[] from = "export.biX".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + from.length <= zip.length; i++) {
            if (Arrays.equals(zip, i, i + from.length, from, 0, from.length)) {
                zip[i + from.length - 1] = 'n';
            }
        }
        byte[] patched = zip;
        rejects(KeyExportError.DUPLICATE_ENTRY, () -> KeyExportReader.unverified().read(patched));
    }

    @Test
    void tooManyEntries() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("export.bin", ExportSampleTable.entry(googleSample(), "export.bin"));
        entries.put("export.sig", ExportSampleTable.entry(googleSample(), "export.sig"));
        for (int i = 0; i < KeyExportReader.DEFAULT_MAX_ENTRIES; i++) {
            entries.put("padding-" + i, new byte[1]);
        }
        KeyExportException e = rejects(KeyExportError.TOO_MANY_ENTRIES, () -> KeyExportReader.unverified().read(ExportTestData.zip(entries)));
        assertTrue(e.getMessage().contains("32"), e.getMessage());
    }

    @Test
    void zipBombIsStoppedAtTheLimitWithoutInflatingTheRest() throws IOException {
        // 70 MiB of zeros deflate to about 70 KB: the reader must give up after the limit, not inflate it all.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry("export.bin"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 70; i++) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        byte[] bomb = out.toByteArray();
        assertTrue(bomb.length < 1_000_000);
        KeyExportException e = rejects(KeyExportError.ENTRY_TOO_LARGE, () -> KeyExportReader.unverified().read(bomb));
        assertTrue(e.getMessage().contains(String.valueOf(64L * 1024 * 1024)), e.getMessage());
        // Entries we would not even keep count too.
        byte[] bin = ExportSampleTable.entry(googleSample(), "export.bin");
        byte[] sig = ExportSampleTable.entry(googleSample(), "export.sig");
        byte[] padded = ExportTestData.zip(ExportTestData.entries("export.bin", bin, "export.sig", sig, "junk", new byte[5000]));
        rejects(KeyExportError.ENTRY_TOO_LARGE, () -> KeyExportReader.unverified().withLimits(4096, 8).read(padded));
        // And the limit applies to an export.bin given directly.
        rejects(KeyExportError.ENTRY_TOO_LARGE, () -> KeyExportReader.unverified().withLimits(100, 8).readEntries(bin, sig));
    }

    @Test
    void wrongHeader() {
        byte[] body = ExportTestData.body().build().toByteArray();
        KeyExportReader r = KeyExportReader.unverified();
        KeyExportException e = rejects(KeyExportError.BAD_HEADER, () -> r.readEntries(ExportTestData.bin("EK Export v2    ", body), null));
        assertTrue(e.getMessage().contains("EK Export v2"), e.getMessage());
        rejects(KeyExportError.BAD_HEADER, () -> r.readEntries(ExportTestData.bin("EK Export v1\0\0\0\0", body), null));
        rejects(KeyExportError.BAD_HEADER, () -> r.readEntries("EK Exp".getBytes(StandardCharsets.US_ASCII), null));
        rejects(KeyExportError.BAD_HEADER, () -> r.readEntries(body, null));
    }

    @Test
    void truncatedOrCorruptProtobuf() throws IOException {
        byte[] bin = ExportSampleTable.entry(ourFile(20), "export.bin");
        KeyExportReader r = KeyExportReader.unverified();
        rejects(KeyExportError.BAD_PROTOBUF, () -> r.readEntries(Arrays.copyOf(bin, bin.length - 7), null));
        byte[] garbage = bin.clone();
        garbage[16] = 0; // tag 0 is never valid
        rejects(KeyExportError.BAD_PROTOBUF, () -> r.readEntries(garbage, null));
        byte[] endGroup = ExportTestData.bin(KeyExportFormat.HEADER_TEXT, new byte[] {0x0c}); // stray END_GROUP
        rejects(KeyExportError.BAD_PROTOBUF, () -> r.readEntries(endGroup, null));
    }

    @Test
    void keysMustBe16Bytes() {
        KeyExportReader r = KeyExportReader.unverified();
        for (int length : new int[] {0, 15, 17, 32}) {
            byte[] bin = ExportTestData.bin(ExportTestData.body().addKeys(ExportTestData.protoKey(16, 144))
                    .addKeys(ExportTestData.protoKey(length, 144)).build());
            KeyExportException e = rejects(KeyExportError.BAD_KEY_LENGTH, () -> r.readEntries(bin, null));
            assertTrue(e.getMessage().contains("key 2 of 2 has " + length + " bytes"), e.getMessage());
        }
        byte[] revised = ExportTestData.bin(ExportTestData.body().addRevisedKeys(ExportTestData.protoKey(8, 144)).build());
        assertTrue(rejects(KeyExportError.BAD_KEY_LENGTH, () -> r.readEntries(revised, null)).getMessage().contains("revised key 1"));
        byte[] absent = ExportTestData.bin(ExportTestData.body().addKeys(ExportTestData.protoKey(16, 144).clearKeyData()).build());
        rejects(KeyExportError.BAD_KEY_LENGTH, () -> r.readEntries(absent, null));
    }

    @Test
    void rollingPeriodMustBe1To144AndDefaultsTo144() {
        KeyExportReader r = KeyExportReader.unverified();
        for (int period : new int[] {0, -1, 145, 1000}) {
            byte[] bin = ExportTestData.bin(ExportTestData.body().addKeys(ExportTestData.protoKey(16, period)).build());
            KeyExportException e = rejects(KeyExportError.BAD_ROLLING_PERIOD, () -> r.readEntries(bin, null));
            assertTrue(e.getMessage().contains("rolling period " + period), e.getMessage());
        }
        for (int period : new int[] {1, 144}) {
            byte[] bin = ExportTestData.bin(ExportTestData.body().addKeys(ExportTestData.protoKey(16, period)).build());
            assertEquals(period, r.readEntries(bin, null).keys().get(0).rollingPeriod());
        }
        byte[] absent = ExportTestData.bin(ExportTestData.body().addKeys(ExportTestData.protoKey(16, ExportTestData.ABSENT)).build());
        assertEquals(144, r.readEntries(absent, null).keys().get(0).rollingPeriod());
    }

    @Test
    void unknownFieldsFromOlderOrNewerServersAreIgnored() {
        // SignatureInfo fields 1 and 2 (removed from the standard) and key field 8 (a later addition).
        ExportProto.TemporaryExposureKey key = ExportTestData.protoKey(16, 144).setUnknownFields(
                com.google.protobuf.UnknownFieldSet.newBuilder().addField(8,
                        com.google.protobuf.UnknownFieldSet.Field.newBuilder().addVarint(2).build()).build()).build();
        ExportProto.SignatureInfo info = ExportProto.SignatureInfo.newBuilder().setVerificationKeyId("452")
                .setUnknownFields(com.google.protobuf.UnknownFieldSet.newBuilder().addField(1,
                        com.google.protobuf.UnknownFieldSet.Field.newBuilder()
                                .addLengthDelimited(ByteString.copyFromUtf8("vn.bluezone")).build()).build()).build();
        byte[] bin = ExportTestData.bin(ExportTestData.body().addKeys(key).addSignatureInfos(info).build());
        KeyExport e = KeyExportReader.unverified().readEntries(bin, null);
        assertEquals(1, e.keys().size());
        assertEquals("452", e.signatureInfos().get(0).keyId());
    }

    @Test
    void signatureListMustBeProtobuf() throws IOException {
        byte[] bin = ExportSampleTable.entry(googleSample(), "export.bin");
        rejects(KeyExportError.BAD_SIGNATURE_LIST,
                () -> KeyExportReader.unverified().readEntries(bin, "signature".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void signatureMissingWhenAKeyIsConfigured() throws IOException {
        byte[] bin = ExportSampleTable.entry(googleSample(), "export.bin");
        KeyExportReader r = KeyExportReader.verifyingWith(googleKey());
        rejects(KeyExportError.SIGNATURE_MISSING, () -> r.readEntries(bin, null));
        rejects(KeyExportError.SIGNATURE_MISSING, () -> r.readEntries(bin, new byte[0]));
        byte[] noBytes = ExportProto.TEKSignatureList.newBuilder().addSignatures(ExportProto.TEKSignature.newBuilder()
                .setSignatureInfo(ExportProto.SignatureInfo.newBuilder().setVerificationKeyId("x"))).build().toByteArray();
        rejects(KeyExportError.SIGNATURE_MISSING, () -> r.readEntries(bin, noBytes));
        // Without a key the same file reads, reported as unsigned.
        assertTrue(KeyExportReader.unverified().readEntries(bin, new byte[0]).signatures().isEmpty());
    }

    @Test
    void verificationKeysAreChosenByKeyIdAndVersionWhereBothStateThem() {
        byte[] zip = ourFile(5);
        KeyPair other = P256Keys.generate();
        // Right key but another id: not even tried.
        KeyExportException e = rejects(KeyExportError.SIGNATURE_MISMATCH,
                () -> KeyExportReader.verifyingWith(new VerificationKey(PAIR.getPublic(), "999", null)).read(zip));
        assertTrue(e.getMessage().contains("no configured public key has this key id"), e.getMessage());
        rejects(KeyExportError.SIGNATURE_MISMATCH,
                () -> KeyExportReader.verifyingWith(new VerificationKey(PAIR.getPublic(), "452", "v2")).read(zip));
        // Wrong key with the right id, plus the right key: verifies.
        KeyExport ok = KeyExportReader.verifyingWith(new VerificationKey(other.getPublic(), "452", "v1"),
                new VerificationKey(PAIR.getPublic(), "452", "v1")).read(zip);
        assertTrue(ok.verified());
        assertTrue(ok.signatures().get(0).detail().contains("configured public key 2 (key id '452')"), ok.signatures().get(0).detail());
        // Wrong key only.
        rejects(KeyExportError.SIGNATURE_MISMATCH, () -> KeyExportReader.verifyingWith(VerificationKey.of(other.getPublic())).read(zip));
    }

    @Test
    void readsFromAFile(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("export.zip");
        Files.write(f, ourFile(7));
        assertEquals(7, KeyExportReader.verifyingWith(VerificationKey.of(PAIR.getPublic())).read(f).keys().size());
    }
}
