package vn.bluezone.protocol.export;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;

import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.export.proto.ExportProto;

/**
 * Writes the standard key export file: a ZIP holding {@code export.bin} (the 16-byte header, then a
 * {@code TemporaryExposureKeyExport} protobuf) and {@code export.sig} (a {@code TEKSignatureList} with one
 * ECDSA P-256 SHA-256 DER signature over the whole of export.bin per signing key).
 *
 * <p>Keys are sorted by their key bytes (then by their other fields), so the same keys always give the same
 * export.bin and a file's key order says nothing about when or in which order people uploaded. export.bin is
 * encoded straight into one exactly sized array (no message object per key, primitive sorting), because the
 * key server writes files of up to a million keys.
 */
public final class KeyExportWriter {
    /**
     * Key data is random and does not compress; the other fields shrink a little. The fastest deflate level
     * keeps nearly all the gain at a fraction of the time of the default level.
     */
    public static final int DEFAULT_COMPRESSION_LEVEL = 1;
    private static final LocalDateTime EARLIEST_ZIP_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private final int compressionLevel;

    public KeyExportWriter() {
        this(DEFAULT_COMPRESSION_LEVEL);
    }

    /** @param compressionLevel deflate level 0 (store) to 9 */
    public KeyExportWriter(int compressionLevel) {
        if (compressionLevel < 0 || compressionLevel > 9) {
            throw new IllegalArgumentException("compression level must be 0..9");
        }
        this.compressionLevel = compressionLevel;
    }

    /** The whole ZIP file. */
    public byte[] write(ExportBatch batch, List<SigningKey> signers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024 + 24 * batch.keys().size());
        try {
            write(batch, signers, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return out.toByteArray();
    }

    /** Writes the ZIP file to {@code out}, which is left open. */
    public void write(ExportBatch batch, List<SigningKey> signers, OutputStream out) throws IOException {
        checkSigners(signers);
        byte[] bin = exportBin(batch, signers.stream().map(SigningKey::info).toList());
        byte[] sig = signatureList(bin, batch, signers);
        LocalDateTime time = LocalDateTime.ofEpochSecond(batch.endTimestamp(), 0, ZoneOffset.UTC);
        if (time.isBefore(EARLIEST_ZIP_TIME)) {
            time = EARLIEST_ZIP_TIME; // DOS dates start in 1980
        }
        ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush(); // the caller owns the stream
            }
        });
        zip.setLevel(compressionLevel);
        putEntry(zip, KeyExportFormat.EXPORT_BIN, bin, time);
        putEntry(zip, KeyExportFormat.EXPORT_SIG, sig, time);
        zip.close();
    }

    /** export.bin: header plus protobuf, keys sorted, announcing {@code signatureInfos}. */
    public byte[] exportBin(ExportBatch batch, List<SignatureInfo> signatureInfos) {
        batch.validate();
        if (signatureInfos.size() > KeyExportFormat.MAX_SIGNATURES) {
            throw new KeyExportException(KeyExportError.INVALID_BATCH,
                    "at most " + KeyExportFormat.MAX_SIGNATURES + " signing keys, got " + signatureInfos.size());
        }
        SortedKeys keys = new SortedKeys(batch.keys());
        SortedKeys revised = new SortedKeys(batch.revisedKeys());
        List<ExportProto.SignatureInfo> infos = new ArrayList<>(signatureInfos.size());
        for (SignatureInfo info : signatureInfos) {
            infos.add(toProto(info));
        }

        long size = CodedOutputStream.computeFixed64Size(1, batch.startTimestamp())
                + CodedOutputStream.computeFixed64Size(2, batch.endTimestamp())
                + CodedOutputStream.computeStringSize(3, batch.region())
                + CodedOutputStream.computeInt32Size(4, batch.batchNum())
                + CodedOutputStream.computeInt32Size(5, batch.batchSize());
        for (ExportProto.SignatureInfo info : infos) {
            size += CodedOutputStream.computeMessageSize(6, info);
        }
        size += fieldSize(keys) + fieldSize(revised);
        if (size > Integer.MAX_VALUE - KeyExportFormat.HEADER_LENGTH) {
            throw new KeyExportException(KeyExportError.INVALID_BATCH, "too many keys for one file; split the batch");
        }

        byte[] out = new byte[KeyExportFormat.HEADER_LENGTH + (int) size];
        KeyExportFormat.putHeader(out);
        CodedOutputStream cos = CodedOutputStream.newInstance(out, KeyExportFormat.HEADER_LENGTH, (int) size);
        try {
            cos.writeFixed64(1, batch.startTimestamp());
            cos.writeFixed64(2, batch.endTimestamp());
            cos.writeString(3, batch.region());
            cos.writeInt32(4, batch.batchNum());
            cos.writeInt32(5, batch.batchSize());
            for (ExportProto.SignatureInfo info : infos) {
                cos.writeMessage(6, info);
            }
            writeKeys(cos, 7, keys);
            writeKeys(cos, 8, revised);
            cos.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new IllegalStateException("export.bin size was computed wrongly", e);
        }
        return out;
    }

    /** export.sig for a finished export.bin: one signature per signing key, in the given order. */
    public byte[] signatureList(byte[] exportBin, ExportBatch batch, List<SigningKey> signers) {
        checkSigners(signers);
        ExportProto.TEKSignatureList.Builder list = ExportProto.TEKSignatureList.newBuilder();
        for (SigningKey signer : signers) {
            list.addSignatures(ExportProto.TEKSignature.newBuilder()
                    .setSignatureInfo(toProto(signer.info()))
                    .setBatchNum(batch.batchNum())
                    .setBatchSize(batch.batchSize())
                    .setSignature(ByteString.copyFrom(signer.sign(exportBin))));
        }
        return list.build().toByteArray();
    }

    private static void checkSigners(List<SigningKey> signers) {
        Objects.requireNonNull(signers, "signers");
        if (signers.isEmpty()) {
            throw new KeyExportException(KeyExportError.INVALID_BATCH, "at least one signing key is needed: phones reject unsigned files");
        }
        if (signers.size() > KeyExportFormat.MAX_SIGNATURES) {
            throw new KeyExportException(KeyExportError.INVALID_BATCH,
                    "at most " + KeyExportFormat.MAX_SIGNATURES + " signing keys, got " + signers.size());
        }
    }

    static ExportProto.SignatureInfo toProto(SignatureInfo info) {
        return ExportProto.SignatureInfo.newBuilder()
                .setVerificationKeyId(info.keyId())
                .setVerificationKeyVersion(info.keyVersion())
                .setSignatureAlgorithm(info.algorithm())
                .build();
    }

    private static void putEntry(ZipOutputStream zip, String name, byte[] data, LocalDateTime time) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(time);
        zip.putNextEntry(entry);
        zip.write(data);
        zip.closeEntry();
    }

    /**
     * Keys in write order, with their key bytes as two big-endian longs (hi, lo) and their encoded body sizes,
     * so that sorting and writing touch primitive arrays rather than an object per key.
     */
    private static final class SortedKeys {
        final TemporaryExposureKey[] keys;
        final long[] hi;
        final long[] lo;
        final int[] bodySize;

        SortedKeys(List<TemporaryExposureKey> input) {
            int n = input.size();
            TemporaryExposureKey[] in = input.toArray(new TemporaryExposureKey[0]);
            long[] inHi = new long[n];
            long[] inLo = new long[n];
            for (int i = 0; i < n; i++) {
                byte[] d = in[i].keyData(); // the record hands out copies; one short-lived copy per key
                inHi[i] = bigEndianLong(d, 0);
                inLo[i] = bigEndianLong(d, 8);
            }
            int[] order = sortOrder(in, inHi, inLo);
            keys = new TemporaryExposureKey[n];
            hi = new long[n];
            lo = new long[n];
            bodySize = new int[n];
            for (int i = 0; i < n; i++) {
                int j = order[i];
                keys[i] = in[j];
                hi[i] = inHi[j];
                lo[i] = inLo[j];
                bodySize[i] = bodySize(in[j]);
            }
        }
    }

    /**
     * The order of keys by (key bytes unsigned, then the other fields). A comparator sort over a million
     * objects is slow, so the high key bits and the index are packed into one long and sorted as primitives;
     * the rare runs that share those high bits are then put in full order with the comparator.
     */
    static int[] sortOrder(TemporaryExposureKey[] keys, long[] hi, long[] lo) {
        int n = keys.length;
        int indexBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, n - 1)));
        long indexMask = (1L << indexBits) - 1;
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            // Flipping the sign bit makes the signed sort order the keys' unsigned byte order.
            packed[i] = ((hi[i] ^ Long.MIN_VALUE) & ~indexMask) | i;
        }
        Arrays.sort(packed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) (packed[i] & indexMask);
        }
        for (int start = 0; start < n; ) {
            int end = start + 1;
            long prefix = packed[start] & ~indexMask;
            while (end < n && (packed[end] & ~indexMask) == prefix) {
                end++;
            }
            if (end - start > 1) {
                Integer[] run = new Integer[end - start];
                for (int i = start; i < end; i++) {
                    run[i - start] = order[i];
                }
                Arrays.sort(run, (a, b) -> compare(keys, hi, lo, a, b));
                for (int i = start; i < end; i++) {
                    order[i] = run[i - start];
                }
            }
            start = end;
        }
        return order;
    }

    private static int compare(TemporaryExposureKey[] keys, long[] hi, long[] lo, int i, int j) {
        int c = Long.compareUnsigned(hi[i], hi[j]);
        if (c == 0) {
            c = Long.compareUnsigned(lo[i], lo[j]);
        }
        TemporaryExposureKey a = keys[i];
        TemporaryExposureKey b = keys[j];
        if (c == 0) {
            c = Integer.compare(a.rollingStartIntervalNumber(), b.rollingStartIntervalNumber());
        }
        if (c == 0) {
            c = Integer.compare(a.rollingPeriod(), b.rollingPeriod());
        }
        if (c == 0) {
            c = Integer.compare(a.transmissionRiskLevel(), b.transmissionRiskLevel());
        }
        if (c == 0) {
            c = Integer.compare(a.reportType().code(), b.reportType().code());
        }
        if (c == 0) {
            Integer x = a.daysSinceOnsetOfSymptoms();
            Integer y = b.daysSinceOnsetOfSymptoms();
            c = x == null ? (y == null ? 0 : -1) : (y == null ? 1 : Integer.compare(x, y));
        }
        return c;
    }

    private static long bigEndianLong(byte[] d, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (d[off + i] & 0xFF);
        }
        return v;
    }

    /** Size of one TemporaryExposureKey message body; field 5 is left out for UNKNOWN, field 6 when absent. */
    private static int bodySize(TemporaryExposureKey k) {
        int size = 2 + TemporaryExposureKey.KEY_LENGTH
                + CodedOutputStream.computeInt32Size(2, k.transmissionRiskLevel())
                + CodedOutputStream.computeInt32Size(3, k.rollingStartIntervalNumber())
                + CodedOutputStream.computeInt32Size(4, k.rollingPeriod());
        if (k.reportType() != ReportType.UNKNOWN) {
            size += CodedOutputStream.computeEnumSize(5, k.reportType().code());
        }
        if (k.daysSinceOnsetOfSymptoms() != null) {
            size += CodedOutputStream.computeSInt32Size(6, k.daysSinceOnsetOfSymptoms());
        }
        return size;
    }

    private static long fieldSize(SortedKeys keys) {
        long size = 0;
        for (int b : keys.bodySize) {
            size += 1 + CodedOutputStream.computeUInt32SizeNoTag(b) + b;
        }
        return size;
    }

    private static void writeKeys(CodedOutputStream cos, int field, SortedKeys sorted) throws IOException {
        for (int i = 0; i < sorted.keys.length; i++) {
            TemporaryExposureKey k = sorted.keys[i];
            cos.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            cos.writeUInt32NoTag(sorted.bodySize[i]);
            cos.writeTag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            cos.writeUInt32NoTag(TemporaryExposureKey.KEY_LENGTH);
            // writeFixed64NoTag writes little-endian: reversing gives the key's bytes in their original order.
            cos.writeFixed64NoTag(Long.reverseBytes(sorted.hi[i]));
            cos.writeFixed64NoTag(Long.reverseBytes(sorted.lo[i]));
            cos.writeInt32(2, k.transmissionRiskLevel());
            cos.writeInt32(3, k.rollingStartIntervalNumber());
            cos.writeInt32(4, k.rollingPeriod());
            if (k.reportType() != ReportType.UNKNOWN) {
                cos.writeEnum(5, k.reportType().code());
            }
            if (k.daysSinceOnsetOfSymptoms() != null) {
                cos.writeSInt32(6, k.daysSinceOnsetOfSymptoms());
            }
        }
    }
}
