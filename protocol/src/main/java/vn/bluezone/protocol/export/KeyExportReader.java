package vn.bluezone.protocol.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;

import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.export.proto.ExportProto;

/**
 * Reads and checks a key export file, explaining every rejection with a stable {@link KeyExportError}.
 *
 * <p>Order of checks: the ZIP (entry count and uncompressed size limits against zip bombs, exact entry names
 * {@code export.bin} and {@code export.sig} at the root), export.bin's header, export.sig's protobuf, then,
 * when public keys are configured, the signatures, <em>before</em> the body is parsed: a phone should not
 * parse data nobody vouched for. Last the body: protobuf, key lengths (16) and rolling periods (1..144).
 *
 * <p>Without public keys the reader still checks everything else, which is what inspecting a file needs; an
 * export.sig with no signature is then accepted and reported as unsigned.
 */
public final class KeyExportReader {
    public static final long DEFAULT_MAX_ENTRY_BYTES = 64L * 1024 * 1024;
    public static final int DEFAULT_MAX_ENTRIES = 32;

    private static final byte[] ZIP_LOCAL_HEADER = {'P', 'K', 3, 4};
    private static final byte[] ZIP_EMPTY_ARCHIVE = {'P', 'K', 5, 6};

    private final List<VerificationKey> trustedKeys;
    private final long maxEntryBytes;
    private final int maxEntries;

    private KeyExportReader(List<VerificationKey> trustedKeys, long maxEntryBytes, int maxEntries) {
        this.trustedKeys = List.copyOf(trustedKeys);
        this.maxEntryBytes = maxEntryBytes;
        this.maxEntries = maxEntries;
    }

    /** Checks format only; signatures are listed but not verified. */
    public static KeyExportReader unverified() {
        return new KeyExportReader(List.of(), DEFAULT_MAX_ENTRY_BYTES, DEFAULT_MAX_ENTRIES);
    }

    /** Also requires a signature that verifies with one of {@code keys}. */
    public static KeyExportReader verifyingWith(List<VerificationKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("no verification keys given; use unverified()");
        }
        return new KeyExportReader(keys, DEFAULT_MAX_ENTRY_BYTES, DEFAULT_MAX_ENTRIES);
    }

    public static KeyExportReader verifyingWith(VerificationKey... keys) {
        return verifyingWith(List.of(keys));
    }

    /** A reader with other limits: uncompressed bytes per entry (and per input) and number of ZIP entries. */
    public KeyExportReader withLimits(long maxEntryBytes, int maxEntries) {
        if (maxEntryBytes < KeyExportFormat.HEADER_LENGTH || maxEntries < 2) {
            throw new IllegalArgumentException("limits too small for any export file");
        }
        return new KeyExportReader(trustedKeys, maxEntryBytes, maxEntries);
    }

    public List<VerificationKey> trustedKeys() {
        return trustedKeys;
    }

    public KeyExport read(Path zipFile) {
        try (InputStream in = Files.newInputStream(zipFile)) {
            return read(in);
        } catch (NoSuchFileException e) {
            throw new KeyExportException(KeyExportError.BAD_ZIP, "no such file: " + zipFile);
        } catch (IOException e) {
            throw new KeyExportException(KeyExportError.BAD_ZIP, "cannot read " + zipFile + ": " + e.getMessage(), e);
        }
    }

    public KeyExport read(byte[] zip) {
        return read(new ByteArrayInputStream(zip));
    }

    /** Reads a ZIP from a stream (not closed); at most the configured limits are decompressed. */
    public KeyExport read(InputStream zip) {
        Map<String, byte[]> entries = unzip(zip);
        byte[] bin = entries.get(KeyExportFormat.EXPORT_BIN);
        byte[] sig = entries.get(KeyExportFormat.EXPORT_SIG);
        if (bin == null || sig == null) {
            String missing = bin == null && sig == null ? "export.bin and export.sig"
                    : bin == null ? KeyExportFormat.EXPORT_BIN : KeyExportFormat.EXPORT_SIG;
            throw new KeyExportException(KeyExportError.MISSING_ENTRY, "no " + missing
                    + " at the root of the ZIP (entries: " + describeNames(entries.keySet()) + ")");
        }
        return readEntries(bin, sig);
    }

    /**
     * Checks an export.bin and export.sig already taken out of their ZIP (some servers and tests keep them
     * apart). {@code exportSig} may be null for a bare export.bin; verification then fails as unsigned.
     */
    public KeyExport readEntries(byte[] exportBin, byte[] exportSig) {
        if (exportBin.length > maxEntryBytes) {
            throw new KeyExportException(KeyExportError.ENTRY_TOO_LARGE,
                    "export.bin is " + exportBin.length + " bytes, over the limit of " + maxEntryBytes);
        }
        if (!KeyExportFormat.hasHeader(exportBin)) {
            throw new KeyExportException(KeyExportError.BAD_HEADER, "export.bin does not start with the 16-byte header "
                    + quote(KeyExportFormat.HEADER_TEXT) + " (found " + quoteStart(exportBin) + ")");
        }
        List<ExportProto.TEKSignature> rawSignatures = exportSig == null ? List.of() : parseSignatures(exportSig);
        List<ExportSignature> signatures = checkSignatures(exportBin, rawSignatures);

        ExportProto.TemporaryExposureKeyExport body;
        try {
            CodedInputStream in = CodedInputStream.newInstance(exportBin, KeyExportFormat.HEADER_LENGTH,
                    exportBin.length - KeyExportFormat.HEADER_LENGTH);
            body = ExportProto.TemporaryExposureKeyExport.parseFrom(in);
            in.checkLastTagWas(0);
        } catch (InvalidProtocolBufferException e) {
            throw new KeyExportException(KeyExportError.BAD_PROTOBUF,
                    "export.bin's body is not a valid TemporaryExposureKeyExport protobuf: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new KeyExportException(KeyExportError.BAD_PROTOBUF, "export.bin's body cannot be read: " + e.getMessage(), e);
        }

        List<SignatureInfo> infos = new ArrayList<>(body.getSignatureInfosCount());
        for (ExportProto.SignatureInfo info : body.getSignatureInfosList()) {
            infos.add(fromProto(info));
        }
        return new KeyExport(KeyExportFormat.HEADER_TEXT.strip(), body.getRegion(), body.getBatchNum(),
                body.getBatchSize(), body.getStartTimestamp(), body.getEndTimestamp(), infos,
                toKeys(body.getKeysList(), "key"), toKeys(body.getRevisedKeysList(), "revised key"), signatures);
    }

    private Map<String, byte[]> unzip(InputStream raw) {
        Map<String, byte[]> wanted = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        try {
            InputStream in = raw.markSupported() ? raw : new java.io.BufferedInputStream(raw);
            in.mark(16);
            byte[] magic = in.readNBytes(16);
            in.reset();
            checkZipMagic(magic);
            ZipInputStream zip = new ZipInputStream(in);
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (names.size() == maxEntries) {
                    throw new KeyExportException(KeyExportError.TOO_MANY_ENTRIES,
                            "the ZIP has more than " + maxEntries + " entries");
                }
                String name = entry.getName();
                boolean keep = name.equals(KeyExportFormat.EXPORT_BIN) || name.equals(KeyExportFormat.EXPORT_SIG);
                if (keep && wanted.containsKey(name)) {
                    throw new KeyExportException(KeyExportError.DUPLICATE_ENTRY, "the ZIP holds " + name + " twice");
                }
                names.add(name);
                byte[] data = readBounded(zip, name, keep);
                if (keep) {
                    wanted.put(name, data);
                }
            }
        } catch (ZipException e) {
            throw new KeyExportException(KeyExportError.BAD_ZIP, "damaged ZIP: " + e.getMessage(), e);
        } catch (EOFException e) {
            throw new KeyExportException(KeyExportError.BAD_ZIP, "the ZIP is truncated", e);
        } catch (IOException e) {
            throw new KeyExportException(KeyExportError.BAD_ZIP, "cannot read the ZIP: " + e.getMessage(), e);
        }
        if (names.isEmpty()) {
            throw new KeyExportException(KeyExportError.BAD_ZIP, "the ZIP has no entries");
        }
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String n : names) {
            out.put(n, wanted.get(n));
        }
        return out;
    }

    private static void checkZipMagic(byte[] magic) {
        if (startsWith(magic, ZIP_LOCAL_HEADER) || startsWith(magic, ZIP_EMPTY_ARCHIVE)) {
            return;
        }
        if (KeyExportFormat.hasHeader(magic)) {
            throw new KeyExportException(KeyExportError.BAD_ZIP,
                    "this is a bare export.bin, not a ZIP holding export.bin and export.sig");
        }
        throw new KeyExportException(KeyExportError.BAD_ZIP, "not a ZIP file (starts with " + quoteStart(magic) + ")");
    }

    /** Reads one entry, stopping as soon as it exceeds the limit; entries we do not need are counted, not kept. */
    private byte[] readBounded(InputStream in, String name, boolean keep) throws IOException {
        ByteArrayOutputStream out = keep ? new ByteArrayOutputStream() : null;
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > maxEntryBytes) {
                throw new KeyExportException(KeyExportError.ENTRY_TOO_LARGE, "ZIP entry " + quote(name)
                        + " is larger than " + maxEntryBytes + " bytes uncompressed");
            }
            if (out != null) {
                out.write(buf, 0, n);
            }
        }
        return out == null ? null : out.toByteArray();
    }

    private static List<ExportProto.TEKSignature> parseSignatures(byte[] exportSig) {
        try {
            CodedInputStream in = CodedInputStream.newInstance(exportSig);
            ExportProto.TEKSignatureList list = ExportProto.TEKSignatureList.parseFrom(in);
            in.checkLastTagWas(0);
            return list.getSignaturesList();
        } catch (IOException e) {
            throw new KeyExportException(KeyExportError.BAD_SIGNATURE_LIST,
                    "export.sig is not a valid TEKSignatureList protobuf: " + e.getMessage(), e);
        }
    }

    private List<ExportSignature> checkSignatures(byte[] exportBin, List<ExportProto.TEKSignature> raw) {
        List<ExportSignature> out = new ArrayList<>(raw.size());
        for (ExportProto.TEKSignature s : raw) {
            SignatureInfo info = fromProto(s.getSignatureInfo());
            byte[] signature = s.getSignature().toByteArray();
            boolean verified = false;
            String detail;
            if (trustedKeys.isEmpty()) {
                detail = "not checked: no public key given";
            } else if (signature.length == 0) {
                detail = "empty signature";
            } else {
                List<VerificationKey> candidates = trustedKeys.stream().filter(k -> k.appliesTo(info)).toList();
                if (candidates.isEmpty()) {
                    detail = "no configured public key has this key id and version";
                } else {
                    VerificationKey match = null;
                    for (VerificationKey k : candidates) {
                        if (k.verifies(exportBin, signature, info.algorithm())) {
                            match = k;
                            break;
                        }
                    }
                    verified = match != null;
                    detail = verified ? "verified with configured public key " + (trustedKeys.indexOf(match) + 1)
                            + (match.keyId().isEmpty() ? "" : " (key id '" + match.keyId() + "')")
                            : "does not verify with the configured public key" + (candidates.size() > 1 ? "s" : "")
                                    + (looksRaw(signature) ? " (64 bytes: raw r||s, not the required DER)" : "");
                }
            }
            out.add(new ExportSignature(info, s.getBatchNum(), s.getBatchSize(), signature.length, verified, detail));
        }
        if (!trustedKeys.isEmpty()) {
            boolean anySignature = out.stream().anyMatch(x -> x.signatureLength() > 0);
            if (!anySignature) {
                throw new KeyExportException(KeyExportError.SIGNATURE_MISSING,
                        raw.isEmpty() ? "the file carries no signature (export.sig is empty or absent)"
                                : "export.sig holds no signature bytes");
            }
            if (out.stream().noneMatch(ExportSignature::verified)) {
                StringBuilder sb = new StringBuilder("no signature verifies with the configured public key");
                sb.append(trustedKeys.size() > 1 ? "s" : "").append(':');
                for (int i = 0; i < out.size(); i++) {
                    ExportSignature x = out.get(i);
                    sb.append(i == 0 ? " " : "; ").append("signature ").append(i + 1).append(" (").append(x.info())
                            .append("): ").append(x.detail());
                }
                throw new KeyExportException(KeyExportError.SIGNATURE_MISMATCH, sb.toString());
            }
        }
        return out;
    }

    private static boolean looksRaw(byte[] signature) {
        return signature.length == 64 && signature[0] != 0x30;
    }

    private static List<TemporaryExposureKey> toKeys(List<ExportProto.TemporaryExposureKey> raw, String what) {
        List<TemporaryExposureKey> out = new ArrayList<>(raw.size());
        for (int i = 0; i < raw.size(); i++) {
            ExportProto.TemporaryExposureKey k = raw.get(i);
            int length = k.getKeyData().size();
            if (length != TemporaryExposureKey.KEY_LENGTH) {
                throw new KeyExportException(KeyExportError.BAD_KEY_LENGTH, what + " " + (i + 1) + " of " + raw.size()
                        + " has " + length + " bytes of key data; a key is " + TemporaryExposureKey.KEY_LENGTH + " bytes");
            }
            int period = k.getRollingPeriod(); // 144 when absent: the field's declared default
            if (period < 1 || period > TemporaryExposureKey.MAX_ROLLING_PERIOD) {
                throw new KeyExportException(KeyExportError.BAD_ROLLING_PERIOD, what + " " + (i + 1) + " of "
                        + raw.size() + " has rolling period " + period + "; it must be 1..144");
            }
            ReportType type = ReportType.ofCode(k.getReportType().getNumber());
            Integer onset = k.hasDaysSinceOnsetOfSymptoms() ? k.getDaysSinceOnsetOfSymptoms() : null;
            out.add(new TemporaryExposureKey(k.getKeyData().toByteArray(), k.getRollingStartIntervalNumber(), period,
                    k.getTransmissionRiskLevel(), type, onset));
        }
        return out;
    }

    static SignatureInfo fromProto(ExportProto.SignatureInfo p) {
        return new SignatureInfo(p.getVerificationKeyId(), p.getVerificationKeyVersion(), p.getSignatureAlgorithm());
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String describeNames(java.util.Collection<String> names) {
        List<String> shown = names.stream().limit(10).map(KeyExportReader::quote).toList();
        return shown.isEmpty() ? "none" : String.join(", ", shown) + (names.size() > 10 ? ", ..." : "");
    }

    private static String quote(String s) {
        return '"' + s + '"';
    }

    /** The first 16 bytes as text where printable, else as \xNN escapes, so users see what they have. */
    private static String quoteStart(byte[] data) {
        if (data.length == 0) {
            return "nothing: it is empty";
        }
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < Math.min(16, data.length); i++) {
            int b = data[i] & 0xFF;
            if (b >= 0x20 && b < 0x7F && b != '"' && b != '\\') {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02x", b));
            }
        }
        return sb.append('"').toString();
    }
}
