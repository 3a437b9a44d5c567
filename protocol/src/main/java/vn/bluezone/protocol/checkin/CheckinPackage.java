package vn.bluezone.protocol.checkin;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import vn.bluezone.protocol.checkin.proto.CheckinProto;
import vn.bluezone.protocol.export.SigningKey;
import vn.bluezone.protocol.export.VerificationKey;

/**
 * An hourly package of protected reports for a region, and its signed file form: a {@code SignedCheckinPackage}
 * protobuf holding the package bytes and one ECDSA P-256 SHA-256 signature (DER) per signing key, made with the
 * same keys as the key export files so phones trust one set of keys.
 */
public record CheckinPackage(String region, long startSeconds, long endSeconds, List<ProtectedReport> reports) {
    public static final int MAX_FILE_BYTES = 64 * 1024 * 1024;

    public CheckinPackage {
        reports = List.copyOf(reports);
    }

    public byte[] sign(List<SigningKey> keys) {
        CheckinProto.CheckinPackage.Builder p = CheckinProto.CheckinPackage.newBuilder().setRegion(region)
                .setStartTimestamp(startSeconds).setEndTimestamp(endSeconds);
        for (ProtectedReport r : reports) {
            p.addReports(CheckinProto.ProtectedReport.newBuilder()
                    .setLocationIdHash(ByteString.copyFrom(r.locationIdHash())).setIv(ByteString.copyFrom(r.iv()))
                    .setEncryptedRecord(ByteString.copyFrom(r.encryptedRecord())).setMac(ByteString.copyFrom(r.mac())));
        }
        byte[] body = p.build().toByteArray();
        return CheckinProto.SignedCheckinPackage.newBuilder().setPackage(ByteString.copyFrom(body))
                .addAllSignatures(PackageSignatures.sign(body, keys)).build().toByteArray();
    }

    /**
     * Reads a signed file: a signature by one of {@code trusted} must verify over the package bytes before
     * they are parsed ({@code SIGNATURE_MISSING}, {@code SIGNATURE_MISMATCH}); then every report is checked.
     */
    public static CheckinPackage read(byte[] file, List<VerificationKey> trusted) {
        byte[] body = verifiedBody(file, trusted);
        CheckinProto.CheckinPackage p;
        try {
            p = CheckinProto.CheckinPackage.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
            throw new CheckinFormatException("BAD_PROTOBUF", "the signed check-in package is not readable");
        }
        List<ProtectedReport> reports = new ArrayList<>(p.getReportsCount());
        for (CheckinProto.ProtectedReport r : p.getReportsList()) {
            reports.add(new ProtectedReport(r.getLocationIdHash().toByteArray(), r.getIv().toByteArray(),
                    r.getEncryptedRecord().toByteArray(), r.getMac().toByteArray()));
        }
        return new CheckinPackage(p.getRegion(), p.getStartTimestamp(), p.getEndTimestamp(), reports);
    }

    /** The package bytes of a signed file, once a signature by one of {@code trusted} verifies over them. */
    static byte[] verifiedBody(byte[] file, List<VerificationKey> trusted) {
        CheckinProto.SignedCheckinPackage signed = signedFile(file);
        if (signed.getSignaturesCount() == 0) {
            throw new CheckinFormatException("SIGNATURE_MISSING", "the check-in package is not signed");
        }
        byte[] body = signed.getPackage().toByteArray();
        if (!PackageSignatures.verified(body, signed.getSignaturesList(), trusted)) {
            throw new CheckinFormatException("SIGNATURE_MISMATCH", "no signature of the check-in package verifies with a trusted key");
        }
        return body;
    }

    /**
     * The package bytes of a file whose SHA-256 a verified manifest lists (the caller checked it): the manifest's
     * signature vouches for every byte of the file, so the package's own signatures need not be checked again.
     */
    static byte[] listedBody(byte[] file) {
        return signedFile(file).getPackage().toByteArray();
    }

    private static CheckinProto.SignedCheckinPackage signedFile(byte[] file) {
        if (file == null || file.length > MAX_FILE_BYTES) {
            throw new CheckinFormatException("TOO_LARGE", "a check-in package has at most " + MAX_FILE_BYTES + " bytes");
        }
        try {
            return CheckinProto.SignedCheckinPackage.parseFrom(file);
        } catch (InvalidProtocolBufferException e) {
            throw new CheckinFormatException("BAD_PROTOBUF", "the check-in package is not readable");
        }
    }
}
