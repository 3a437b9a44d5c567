package vn.bluezone.protocol.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;

import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.export.proto.ExportProto;

class KeyExportWriterTest {
    private static final KeyPair PAIR_A = P256Keys.generate();
    private static final KeyPair PAIR_B = P256Keys.generate();
    private static final SigningKey SIGNER_A = new SigningKey(PAIR_A.getPrivate(), "452", "v1");
    private static final SigningKey SIGNER_B = new SigningKey(PAIR_B.getPrivate(), "452", "v2");

    /** The straightforward order the writer's packed sort must reproduce. */
    private static final Comparator<TemporaryExposureKey> NAIVE_ORDER = (a, b) -> {
        int c = Arrays.compareUnsigned(a.keyData(), b.keyData());
        if (c == 0) c = Integer.compare(a.rollingStartIntervalNumber(), b.rollingStartIntervalNumber());
        if (c == 0) c = Integer.compare(a.rollingPeriod(), b.rollingPeriod());
        if (c == 0) c = Integer.compare(a.transmissionRiskLevel(), b.transmissionRiskLevel());
        if (c == 0) c = Integer.compare(a.reportType().code(), b.reportType().code());
        if (c == 0) c = Comparator.nullsFirst(Integer::compare).compare(a.daysSinceOnsetOfSymptoms(), b.daysSinceOnsetOfSymptoms());
        return c;
    };

    private static ExportBatch batch(List<TemporaryExposureKey> keys, List<TemporaryExposureKey> revised) {
        return new ExportBatch("452", 1_600_000_000L, 1_600_086_400L, 2, 3, keys, revised);
    }

    @Test
    void handEncodedExportBinIsByteForByteWhatTheGeneratedProtobufCodeWrites() {
        List<TemporaryExposureKey> keys = ExportTestData.keys(500, 1);
        List<TemporaryExposureKey> revised = ExportTestData.keys(20, 2);
        ExportBatch b = batch(keys, revised);
        byte[] ours = new KeyExportWriter().exportBin(b, List.of(SIGNER_A.info(), SIGNER_B.info()));

        ExportProto.TemporaryExposureKeyExport.Builder expected = ExportProto.TemporaryExposureKeyExport.newBuilder()
                .setStartTimestamp(b.startTimestamp()).setEndTimestamp(b.endTimestamp()).setRegion("452")
                .setBatchNum(2).setBatchSize(3)
                .addSignatureInfos(KeyExportWriter.toProto(SIGNER_A.info()))
                .addSignatureInfos(KeyExportWriter.toProto(SIGNER_B.info()));
        keys.stream().sorted(NAIVE_ORDER).map(KeyExportWriterTest::proto).forEach(expected::addKeys);
        revised.stream().sorted(NAIVE_ORDER).map(KeyExportWriterTest::proto).forEach(expected::addRevisedKeys);

        assertArrayEquals(ExportTestData.bin(expected.build()), ours);
    }

    private static ExportProto.TemporaryExposureKey proto(TemporaryExposureKey k) {
        ExportProto.TemporaryExposureKey.Builder b = ExportProto.TemporaryExposureKey.newBuilder()
                .setKeyData(ByteString.copyFrom(k.keyData()))
                .setTransmissionRiskLevel(k.transmissionRiskLevel())
                .setRollingStartIntervalNumber(k.rollingStartIntervalNumber())
                .setRollingPeriod(k.rollingPeriod());
        if (k.reportType() != ReportType.UNKNOWN) {
            b.setReportType(ExportProto.TemporaryExposureKey.ReportType.forNumber(k.reportType().code()));
        }
        if (k.daysSinceOnsetOfSymptoms() != null) {
            b.setDaysSinceOnsetOfSymptoms(k.daysSinceOnsetOfSymptoms());
        }
        return b.build();
    }

    @Test
    void writtenFileReadsBackWithEveryFieldAndBothSignaturesVerify() {
        List<TemporaryExposureKey> keys = ExportTestData.keys(300, 3);
        List<TemporaryExposureKey> revised = ExportTestData.keys(5, 4);
        byte[] zip = new KeyExportWriter().write(batch(keys, revised), List.of(SIGNER_A, SIGNER_B));

        KeyExport e = KeyExportReader.verifyingWith(VerificationKey.of(PAIR_A.getPublic()),
                VerificationKey.of(PAIR_B.getPublic())).read(zip);
        assertEquals("EK Export v1", e.header());
        assertEquals("452", e.region());
        assertEquals(2, e.batchNum());
        assertEquals(3, e.batchSize());
        assertEquals(1_600_000_000L, e.startTimestamp());
        assertEquals(1_600_086_400L, e.endTimestamp());
        assertEquals(keys.stream().sorted(NAIVE_ORDER).toList(), e.keys());
        assertEquals(revised.stream().sorted(NAIVE_ORDER).toList(), e.revisedKeys());
        assertEquals(List.of(SIGNER_A.info(), SIGNER_B.info()), e.signatureInfos());
        assertEquals(2, e.signatures().size());
        for (ExportSignature s : e.signatures()) {
            assertTrue(s.verified(), s.toString());
            assertEquals(2, s.batchNum());
            assertEquals(3, s.batchSize());
            assertEquals(KeyExportFormat.ECDSA_P256_SHA256_OID, s.info().algorithm());
        }
        assertTrue(e.keys().stream().anyMatch(k -> k.daysSinceOnsetOfSymptoms() != null && k.daysSinceOnsetOfSymptoms() < 0));
        assertTrue(e.keys().stream().anyMatch(k -> k.reportType() == ReportType.UNKNOWN));
        assertTrue(e.keys().stream().anyMatch(k -> k.daysSinceOnsetOfSymptoms() == null));

        // Trusting only key B: the file passes, signature A is reported as not verified.
        KeyExport onlyB = KeyExportReader.verifyingWith(new VerificationKey(PAIR_B.getPublic(), "452", "v2")).read(zip);
        assertFalse(onlyB.signatures().get(0).verified());
        assertTrue(onlyB.signatures().get(1).verified());
    }

    @Test
    void zipHoldsExactlyExportBinThenExportSigAndTheSignatureIsDerEcdsaOverTheWholeBin() throws Exception {
        ExportBatch b = batch(ExportTestData.keys(10, 5), List.of());
        KeyExportWriter writer = new KeyExportWriter();
        byte[] zip = writer.write(b, List.of(SIGNER_A));

        List<String> names = new ArrayList<>();
        byte[] bin = null;
        byte[] sig = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                names.add(entry.getName());
                byte[] data = in.readAllBytes();
                if (entry.getName().equals("export.bin")) bin = data;
                if (entry.getName().equals("export.sig")) sig = data;
            }
        }
        assertEquals(List.of("export.bin", "export.sig"), names);
        assertEquals("EK Export v1    ", new String(bin, 0, 16, java.nio.charset.StandardCharsets.US_ASCII));
        assertArrayEquals(writer.exportBin(b, List.of(SIGNER_A.info())), bin, "export.bin is deterministic");

        ExportProto.TEKSignatureList list = ExportProto.TEKSignatureList.parseFrom(sig);
        assertEquals(1, list.getSignaturesCount());
        ExportProto.TEKSignature s = list.getSignatures(0);
        assertEquals("452", s.getSignatureInfo().getVerificationKeyId());
        assertEquals("v1", s.getSignatureInfo().getVerificationKeyVersion());
        assertEquals("1.2.840.10045.4.3.2", s.getSignatureInfo().getSignatureAlgorithm());
        byte[] der = s.getSignature().toByteArray();
        assertEquals(0x30, der[0] & 0xFF, "an ASN.1 SEQUENCE");
        Signature jdk = Signature.getInstance("SHA256withECDSA");
        jdk.initVerify(PAIR_A.getPublic());
        jdk.update(bin);
        assertTrue(jdk.verify(der));
    }

    @Test
    void inputOrderDoesNotChangeTheFile() {
        List<TemporaryExposureKey> keys = new ArrayList<>(ExportTestData.keys(2000, 6));
        KeyExportWriter w = new KeyExportWriter();
        byte[] first = w.exportBin(batch(keys, List.of()), List.of(SIGNER_A.info()));
        Collections.shuffle(keys, new Random(7));
        assertArrayEquals(first, w.exportBin(batch(keys, List.of()), List.of(SIGNER_A.info())));
    }

    @Test
    void packedSortOrdersKeysThatShareTheirHighBytesOrAllTheirBytes() {
        Random r = new Random(8);
        List<TemporaryExposureKey> keys = new ArrayList<>();
        byte[] common = new byte[16];
        r.nextBytes(common);
        for (int i = 0; i < 300; i++) {
            byte[] k = common.clone();
            k[15] = (byte) r.nextInt(4);   // many keys equal in all bytes, or in the first 15
            k[9] = (byte) r.nextInt(3);
            if (i % 7 == 0) {
                k[0] = (byte) (k[0] ^ 0x80); // sign bit of the packed long: unsigned order must hold
            }
            keys.add(new TemporaryExposureKey(k, 2_690_000 + r.nextInt(3), 1 + r.nextInt(144), r.nextInt(2),
                    ReportType.ofCode(r.nextInt(6)), r.nextBoolean() ? null : r.nextInt(3) - 1));
        }
        TemporaryExposureKey[] arr = keys.toArray(new TemporaryExposureKey[0]);
        long[] hi = new long[arr.length];
        long[] lo = new long[arr.length];
        for (int i = 0; i < arr.length; i++) {
            byte[] d = arr[i].keyData();
            hi[i] = java.nio.ByteBuffer.wrap(d, 0, 8).getLong();
            lo[i] = java.nio.ByteBuffer.wrap(d, 8, 8).getLong();
        }
        int[] order = KeyExportWriter.sortOrder(arr, hi, lo);
        List<TemporaryExposureKey> got = Arrays.stream(order).mapToObj(i -> arr[i]).toList();
        assertEquals(keys.stream().sorted(NAIVE_ORDER).toList(), got);
    }

    @Test
    void writesToAStreamAndLeavesItOpen() throws Exception {
        class Tracking extends ByteArrayOutputStream {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        }
        Tracking out = new Tracking();
        new KeyExportWriter().write(batch(ExportTestData.keys(3, 9), List.of()), List.of(SIGNER_A), out);
        assertFalse(out.closed);
        assertEquals(3, KeyExportReader.verifyingWith(VerificationKey.of(PAIR_A.getPublic())).read(out.toByteArray()).keys().size());
    }

    @Test
    void rejectsBatchesThatBreakTheFormat() {
        KeyExportWriter w = new KeyExportWriter();
        List<TemporaryExposureKey> k = ExportTestData.keys(1, 10);
        assertInvalid(() -> w.write(new ExportBatch("VN", 10, 20, 3, 2, k, List.of()), List.of(SIGNER_A)), "batch 3 of 2");
        assertInvalid(() -> w.write(new ExportBatch("VN", 10, 20, 0, 1, k, List.of()), List.of(SIGNER_A)), "batch 0 of 1");
        assertInvalid(() -> w.write(new ExportBatch("VN", 20, 10, 1, 1, k, List.of()), List.of(SIGNER_A)), "before start");
        assertInvalid(() -> w.write(new ExportBatch(" ", 10, 20, 1, 1, k, List.of()), List.of(SIGNER_A)), "region");
        assertInvalid(() -> w.write(new ExportBatch("VN", 10, 20, 1, 1, k, List.of()), List.of()), "at least one signing key");
        List<SigningKey> eleven = Collections.nCopies(11, SIGNER_A);
        assertInvalid(() -> w.write(new ExportBatch("VN", 10, 20, 1, 1, k, List.of()), eleven), "at most 10");
    }

    private static void assertInvalid(org.junit.jupiter.api.function.Executable call, String messagePart) {
        KeyExportException e = assertThrows(KeyExportException.class, call);
        assertEquals(KeyExportError.INVALID_BATCH, e.reason());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
    }

    @Test
    void signingKeysMustBeP256() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp384r1"));
        KeyExportException e = assertThrows(KeyExportException.class,
                () -> new SigningKey(g.generateKeyPair().getPrivate(), "452", "v1"));
        assertEquals(KeyExportError.UNSUPPORTED_KEY, e.reason());
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        assertEquals(KeyExportError.UNSUPPORTED_KEY, assertThrows(KeyExportException.class,
                () -> VerificationKey.of(rsa.generateKeyPair().getPublic())).reason());
    }

    @Test
    void emptyBatchIsAValidFile() {
        byte[] zip = new KeyExportWriter().write(batch(List.of(), List.of()), List.of(SIGNER_A));
        KeyExport e = KeyExportReader.verifyingWith(VerificationKey.of(PAIR_A.getPublic())).read(zip);
        assertEquals(0, e.keys().size());
        assertTrue(e.verified());
    }
}
