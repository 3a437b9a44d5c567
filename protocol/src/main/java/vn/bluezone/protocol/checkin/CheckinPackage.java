package vn.bluezone.protocol.checkin;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.List;
import vn.bluezone.protocol.checkin.proto.CheckinProto;
import vn.bluezone.protocol.export.KeyExportFormat;
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
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a check-in package needs at least one signing key");
        }
        CheckinProto.CheckinPackage.Builder p = CheckinProto.CheckinPackage.newBuilder().setRegion(region)
                .setStartTimestamp(startSeconds).setEndTimestamp(endSeconds);
        for (ProtectedReport r : reports) {
            p.addReports(CheckinProto.ProtectedReport.newBuilder()
                    .setLocationIdHash(ByteString.copyFrom(r.locationIdHash())).setIv(ByteString.copyFrom(r.iv()))
                    .setEncryptedRecord(ByteString.copyFrom(r.encryptedRecord())).setMac(ByteString.copyFrom(r.mac())));
        }
        byte[] body = p.build().toByteArray();
        CheckinProto.SignedCheckinPackage.Builder file = CheckinProto.SignedCheckinPackage.newBuilder()
                .setPackage(ByteString.copyFrom(body));
        for (SigningKey k : keys) {
            file.addSignatures(CheckinProto.PackageSignature.newBuilder().setKeyId(k.info().keyId())
                    .setKeyVersion(k.info().keyVersion()).setAlgorithm(k.info().algorithm())
                    .setSignature(ByteString.copyFrom(k.sign(body))));
        }
        return file.build().toByteArray();
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
        if (file == null || file.length > MAX_FILE_BYTES) {
            throw new CheckinFormatException("TOO_LARGE", "a check-in package has at most " + MAX_FILE_BYTES + " bytes");
        }
        CheckinProto.SignedCheckinPackage signed;
        try {
            signed = CheckinProto.SignedCheckinPackage.parseFrom(file);
        } catch (InvalidProtocolBufferException e) {
            throw new CheckinFormatException("BAD_PROTOBUF", "the check-in package is not readable");
        }
        if (signed.getSignaturesCount() == 0) {
            throw new CheckinFormatException("SIGNATURE_MISSING", "the check-in package is not signed");
        }
        byte[] body = signed.getPackage().toByteArray();
        if (!verified(body, signed.getSignaturesList(), trusted)) {
            throw new CheckinFormatException("SIGNATURE_MISMATCH", "no signature of the check-in package verifies with a trusted key");
        }
        return body;
    }

    private static boolean verified(byte[] body, List<CheckinProto.PackageSignature> signatures,
                                    List<VerificationKey> trusted) {
        for (CheckinProto.PackageSignature s : signatures) {
            var info = new vn.bluezone.protocol.export.SignatureInfo(s.getKeyId(), s.getKeyVersion(), s.getAlgorithm());
            String algorithm = s.getAlgorithm().isEmpty() ? KeyExportFormat.ECDSA_P256_SHA256_OID : s.getAlgorithm();
            for (VerificationKey k : trusted) {
                if (k.appliesTo(info) && k.verifies(body, s.getSignature().toByteArray(), algorithm)) {
                    return true;
                }
            }
        }
        return false;
    }
}
