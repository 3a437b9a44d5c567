package vn.bluezone.bench.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.google.protobuf.ByteString;

import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.export.ExportBatch;
import vn.bluezone.protocol.export.KeyExportFormat;
import vn.bluezone.protocol.export.KeyExportWriter;
import vn.bluezone.protocol.export.P256Keys;
import vn.bluezone.protocol.export.SigningKey;
import vn.bluezone.protocol.export.proto.ExportProto;

/**
 * Building, signing and zipping one key export file, as the key server does for each publication:
 * {@link KeyExportWriter} against a straightforward baseline in the same run (a generated protobuf message
 * per key, a comparator sort over key objects, default deflate). Run: {@code bench/jmh KeyExportWriteBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class KeyExportWriteBenchmark {

    @Param({"1000000"})
    int keys;

    List<TemporaryExposureKey> input;
    SigningKey signer;
    ExportBatch batch;

    @Setup(Level.Trial)
    public void setUp() {
        Random r = new Random(42);
        input = new ArrayList<>(keys);
        for (int i = 0; i < keys; i++) {
            byte[] k = new byte[16];
            r.nextBytes(k);
            input.add(new TemporaryExposureKey(k, 2_690_000 + 144 * r.nextInt(14), 144, r.nextInt(9),
                    ReportType.CONFIRMED_TEST, r.nextInt(29) - 14));
        }
        KeyPair pair = P256Keys.generate();
        signer = new SigningKey(pair.getPrivate(), "452", "v1");
        batch = new ExportBatch("VN", 1_600_000_000L, 1_600_086_400L, 1, 1, input, List.of());
    }

    @Benchmark
    public byte[] writer() {
        return new KeyExportWriter().write(batch, List.of(signer));
    }

    @Benchmark
    public byte[] baseline() throws IOException {
        List<TemporaryExposureKey> sorted = new ArrayList<>(input);
        sorted.sort(Comparator.comparing(TemporaryExposureKey::keyData, Arrays::compareUnsigned));
        ExportProto.TemporaryExposureKeyExport.Builder b = ExportProto.TemporaryExposureKeyExport.newBuilder()
                .setStartTimestamp(batch.startTimestamp()).setEndTimestamp(batch.endTimestamp())
                .setRegion(batch.region()).setBatchNum(1).setBatchSize(1)
                .addSignatureInfos(ExportProto.SignatureInfo.newBuilder().setVerificationKeyId("452")
                        .setVerificationKeyVersion("v1").setSignatureAlgorithm(KeyExportFormat.ECDSA_P256_SHA256_OID));
        for (TemporaryExposureKey k : sorted) {
            b.addKeys(ExportProto.TemporaryExposureKey.newBuilder()
                    .setKeyData(ByteString.copyFrom(k.keyData()))
                    .setTransmissionRiskLevel(k.transmissionRiskLevel())
                    .setRollingStartIntervalNumber(k.rollingStartIntervalNumber())
                    .setRollingPeriod(k.rollingPeriod())
                    .setReportType(ExportProto.TemporaryExposureKey.ReportType.forNumber(k.reportType().code()))
                    .setDaysSinceOnsetOfSymptoms(k.daysSinceOnsetOfSymptoms()));
        }
        ByteArrayOutputStream binOut = new ByteArrayOutputStream();
        binOut.write(KeyExportFormat.header());
        b.build().writeTo(binOut);
        byte[] bin = binOut.toByteArray();
        byte[] sig = ExportProto.TEKSignatureList.newBuilder().addSignatures(ExportProto.TEKSignature.newBuilder()
                .setSignatureInfo(b.getSignatureInfos(0)).setBatchNum(1).setBatchSize(1)
                .setSignature(ByteString.copyFrom(signer.sign(bin)))).build().toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(KeyExportFormat.EXPORT_BIN));
            zip.write(bin);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(KeyExportFormat.EXPORT_SIG));
            zip.write(sig);
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
