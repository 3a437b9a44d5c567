package vn.bluezone.protocol.checkin;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.bluezone.protocol.export.VerificationKey;

/**
 * A phone's read of a signed check-in package: the signature is verified exactly as by
 * {@link CheckinPackage#read}, then the package bytes are walked once, field by field, and every report's fields
 * are checked for length as {@link ProtectedReport} checks them (a malformed report still rejects the package),
 * but only the reports whose location-id hash is one of the phone's places ({@link CheckinMatcher#concerns}) are
 * built. The others, nearly all of them, cost a map lookup and no object.
 */
public final class PackageScan {
    private static final int REPORTS = 4;

    /** The region and hour of the package, how many reports it held, and those about the phone's places. */
    public record Result(String region, long startSeconds, long endSeconds, int reportCount, List<ProtectedReport> kept) {
    }

    private PackageScan() {
    }

    public static Result read(byte[] file, List<VerificationKey> trusted, CheckinMatcher places) {
        return scan(CheckinPackage.verifiedBody(file, trusted), places);
    }

    /**
     * A package listed in a verified daily manifest: accepted only if the SHA-256 of the whole file equals the one
     * the manifest lists under {@code name} (constant-time compare; {@code NOT_IN_MANIFEST}, {@code HASH_MISMATCH}),
     * then scanned like {@link #read} without verifying the file's own signatures (the manifest's covers it).
     */
    public static Result readListed(byte[] file, CheckinManifest manifest, String name, CheckinMatcher places) {
        if (!manifest.lists(name)) {
            throw new CheckinFormatException("NOT_IN_MANIFEST", name + " is not listed in the manifest of its day");
        }
        if (file == null || !manifest.vouchesFor(name, file)) {
            throw new CheckinFormatException("HASH_MISMATCH", "the SHA-256 of " + name + " is not the one its manifest lists");
        }
        return scan(CheckinPackage.listedBody(file), places);
    }

    private static Result scan(byte[] body, CheckinMatcher places) {
        try {
            CodedInputStream in = CodedInputStream.newInstance(body);
            String region = "";
            long start = 0;
            long end = 0;
            int count = 0;
            List<ProtectedReport> kept = new ArrayList<>();
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                int type = WireFormat.getTagWireType(tag);
                boolean varint = type == WireFormat.WIRETYPE_VARINT;
                // A field of another wire type than the schema's is an unknown field, as for protobuf's parser.
                switch (WireFormat.getTagFieldNumber(tag)) {
                    case 1 -> region = type == WireFormat.WIRETYPE_LENGTH_DELIMITED ? in.readString() : skip(in, tag, region);
                    case 2 -> start = varint ? in.readUInt64() : skip(in, tag, start);
                    case 3 -> end = varint ? in.readUInt64() : skip(in, tag, end);
                    case REPORTS -> {
                        if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                            throw new IOException("reports field of the wrong wire type");
                        }
                        int limit = in.pushLimit(in.readRawVarint32());
                        ProtectedReport r = report(in, body, places);
                        in.popLimit(limit);
                        count++;
                        if (r != null) {
                            kept.add(r);
                        }
                    }
                    default -> in.skipField(tag);
                }
            }
            return new Result(region, start, end, count, kept);
        } catch (IOException e) {
            throw new CheckinFormatException("BAD_PROTOBUF", "the signed check-in package is not readable");
        }
    }

    private static <T> T skip(CodedInputStream in, int tag, T keep) throws IOException {
        in.skipField(tag);
        return keep;
    }

    /** One report: each field's offset and length (last occurrence wins, as in protobuf); built only if wanted. */
    private static ProtectedReport report(CodedInputStream in, byte[] body, CheckinMatcher places) throws IOException {
        int[] offset = new int[5];
        int[] length = new int[5];
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            int field = WireFormat.getTagFieldNumber(tag);
            if (field >= 1 && field <= 4 && WireFormat.getTagWireType(tag) == WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                int len = in.readRawVarint32();
                if (len < 0 || len > in.getBytesUntilLimit()) {
                    throw new IOException("truncated field");
                }
                offset[field] = in.getTotalBytesRead();
                length[field] = len;
                in.skipRawBytes(len);
            } else {
                in.skipField(tag);
            }
        }
        // The checks of ProtectedReport, in its order and with its codes, on every report.
        if (length[1] != ProtectedReport.HASH_LENGTH) {
            throw new CheckinFormatException("INVALID_LOCATION_HASH", "locationIdHash must be " + ProtectedReport.HASH_LENGTH + " bytes");
        }
        if (length[2] != ProtectedReport.IV_LENGTH) {
            throw new CheckinFormatException("INVALID_IV", "iv must be " + ProtectedReport.IV_LENGTH + " bytes");
        }
        if (length[3] == 0 || length[3] % 16 != 0 || length[3] > ProtectedReport.MAX_ENCRYPTED) {
            throw new CheckinFormatException("INVALID_ENCRYPTED_RECORD",
                    "encryptedRecord must be whole AES blocks, at most " + ProtectedReport.MAX_ENCRYPTED + " bytes");
        }
        if (length[4] != ProtectedReport.MAC_LENGTH) {
            throw new CheckinFormatException("INVALID_MAC", "mac must be " + ProtectedReport.MAC_LENGTH + " bytes");
        }
        if (!places.concerns(body, offset[1])) {
            return null;
        }
        return new ProtectedReport(slice(body, offset[1], length[1]), slice(body, offset[2], length[2]),
                slice(body, offset[3], length[3]), slice(body, offset[4], length[4]));
    }

    private static byte[] slice(byte[] b, int offset, int length) {
        return Arrays.copyOfRange(b, offset, offset + length);
    }
}
