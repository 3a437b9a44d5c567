package vn.bluezone.protocol.checkin;

import java.util.List;
import vn.bluezone.protocol.checkin.proto.CheckinProto;
import vn.bluezone.protocol.export.KeyExportFormat;
import vn.bluezone.protocol.export.SignatureInfo;
import vn.bluezone.protocol.export.SigningKey;
import vn.bluezone.protocol.export.VerificationKey;

/** The signatures of hourly packages and daily manifests: ECDSA P-256 SHA-256 (DER), one per export signing key. */
final class PackageSignatures {
    private PackageSignatures() {
    }

    static List<CheckinProto.PackageSignature> sign(byte[] body, List<SigningKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a check-in package or manifest needs at least one signing key");
        }
        return keys.stream().map(k -> CheckinProto.PackageSignature.newBuilder().setKeyId(k.info().keyId())
                .setKeyVersion(k.info().keyVersion()).setAlgorithm(k.info().algorithm())
                .setSignature(com.google.protobuf.ByteString.copyFrom(k.sign(body))).build()).toList();
    }

    /** True when one of the signatures verifies over {@code body} with one of the trusted keys it names. */
    static boolean verified(byte[] body, List<CheckinProto.PackageSignature> signatures, List<VerificationKey> trusted) {
        for (CheckinProto.PackageSignature s : signatures) {
            var info = new SignatureInfo(s.getKeyId(), s.getKeyVersion(), s.getAlgorithm());
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
