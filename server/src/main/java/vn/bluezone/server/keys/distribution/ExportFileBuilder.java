package vn.bluezone.server.keys.distribution;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.export.ExportBatch;
import vn.bluezone.protocol.export.KeyExportWriter;
import vn.bluezone.protocol.export.SigningKey;

/**
 * Turns one batch of keys into signed export files: split above {@code maxKeysPerFile} (the writer sorts the
 * keys of each file), one signature per signing key, files written in parallel. No database, no Spring: the
 * export benchmark drives it directly.
 */
public final class ExportFileBuilder {
    /**
     * Deflate level chosen by download size (issue 15 §6): every phone downloads every file, so bytes count more than
     * the server's seconds. 1,000,000 keys: 21.42 MB at level 1, 19.51 MB at 6, 19.49 MB at 9 (2.1x and 3.5x level 1's
     * build time, bench/README.md).
     */
    public static final int DEFAULT_COMPRESSION_LEVEL = 9;

    private final KeyExportWriter writer;
    private final int maxKeysPerFile;

    public ExportFileBuilder(int maxKeysPerFile) {
        this(maxKeysPerFile, DEFAULT_COMPRESSION_LEVEL);
    }

    /** @param compressionLevel deflate level 0..9 */
    public ExportFileBuilder(int maxKeysPerFile, int compressionLevel) {
        if (maxKeysPerFile < 1) {
            throw new IllegalArgumentException("maxKeysPerFile must be positive");
        }
        this.maxKeysPerFile = maxKeysPerFile;
        this.writer = new KeyExportWriter(compressionLevel);
    }

    /** One finished file. */
    public record BuiltFile(String name, int batchNum, int batchSize, int keyCount, byte[] zip, String sha256) {
    }

    /**
     * @param kind "hour" or "day": the first part of each file name, {@code kind-start-end-NNNNN.zip}
     */
    public List<BuiltFile> build(String region, String kind, Instant start, Instant end,
                                 List<TemporaryExposureKey> keys, List<SigningKey> signers) {
        int files = Math.max(1, (keys.size() + maxKeysPerFile - 1) / maxKeysPerFile);
        BuiltFile[] out = new BuiltFile[files];
        IntStream range = IntStream.range(0, files);
        (files > 1 ? range.parallel() : range).forEach(i -> {
            List<TemporaryExposureKey> part = keys.subList(i * maxKeysPerFile, Math.min(keys.size(), (i + 1) * maxKeysPerFile));
            ExportBatch batch = new ExportBatch(region, start.getEpochSecond(), end.getEpochSecond(), i + 1, files, part,
                    List.of());
            byte[] zip = writer.write(batch, signers);
            String name = String.format("%s-%d-%d-%05d.zip", kind, start.getEpochSecond(), end.getEpochSecond(), i + 1);
            out[i] = new BuiltFile(name, i + 1, files, part.size(), zip, sha256(zip));
        });
        return List.of(out);
    }

    /**
     * Random keys that pad {@code real} up to {@code minKeys}, each copying the metadata (start, period, risk,
     * report type, days since onset) of a randomly chosen real key, so that padding cannot be told apart.
     */
    public static List<TemporaryExposureKey> padding(List<TemporaryExposureKey> real, int minKeys, SecureRandom random) {
        int missing = minKeys - real.size();
        if (missing <= 0 || real.isEmpty()) {
            return List.of();
        }
        List<TemporaryExposureKey> pad = new ArrayList<>(missing);
        for (int i = 0; i < missing; i++) {
            TemporaryExposureKey model = real.get(random.nextInt(real.size()));
            byte[] k = new byte[TemporaryExposureKey.KEY_LENGTH];
            random.nextBytes(k);
            pad.add(new TemporaryExposureKey(k, model.rollingStartIntervalNumber(), model.rollingPeriod(),
                    model.transmissionRiskLevel(), model.reportType(), model.daysSinceOnsetOfSymptoms()));
        }
        return pad;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
