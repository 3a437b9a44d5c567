package vn.bluezone.protocol.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.export.proto.ExportProto;

/** Builders for test inputs: keys, hand-made export.bin bodies and ZIPs. */
final class ExportTestData {
    /** Pass as a rolling period to leave the field out. */
    static final int ABSENT = Integer.MIN_VALUE;

    private ExportTestData() {
    }

    /** {@code n} keys with varied metadata: every report type, absent and negative days since onset. */
    static List<TemporaryExposureKey> keys(int n, long seed) {
        Random r = new Random(seed);
        List<TemporaryExposureKey> out = new ArrayList<>(n);
        ReportType[] types = ReportType.values();
        for (int i = 0; i < n; i++) {
            byte[] k = new byte[16];
            r.nextBytes(k);
            Integer onset = i % 5 == 0 ? null : r.nextInt(29) - 14;
            out.add(new TemporaryExposureKey(k, 2_690_000 + 144 * r.nextInt(14), 1 + r.nextInt(144), r.nextInt(9),
                    types[i % types.length], onset));
        }
        return out;
    }

    /** export.bin made with the generated protobuf classes (not our writer), header included. */
    static byte[] bin(ExportProto.TemporaryExposureKeyExport body) {
        return bin(KeyExportFormat.HEADER_TEXT, body.toByteArray());
    }

    static byte[] bin(String header, byte[] body) {
        byte[] h = header.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] out = new byte[h.length + body.length];
        System.arraycopy(h, 0, out, 0, h.length);
        System.arraycopy(body, 0, out, h.length, body.length);
        return out;
    }

    static ExportProto.TemporaryExposureKey.Builder protoKey(int length, int rollingPeriod) {
        ExportProto.TemporaryExposureKey.Builder b = ExportProto.TemporaryExposureKey.newBuilder()
                .setKeyData(com.google.protobuf.ByteString.copyFrom(new byte[length]))
                .setRollingStartIntervalNumber(2_690_064)
                .setTransmissionRiskLevel(3);
        if (rollingPeriod != ABSENT) {
            b.setRollingPeriod(rollingPeriod);
        }
        return b;
    }

    static ExportProto.TemporaryExposureKeyExport.Builder body() {
        return ExportProto.TemporaryExposureKeyExport.newBuilder()
                .setStartTimestamp(1_600_000_000L).setEndTimestamp(1_600_003_600L)
                .setRegion("VN").setBatchNum(1).setBatchSize(1);
    }

    static byte[] emptySignatureList() {
        return new byte[0];
    }

    static Map<String, byte[]> entries(Object... nameThenData) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenData.length; i += 2) {
            m.put((String) nameThenData[i], (byte[]) nameThenData[i + 1]);
        }
        return m;
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
