package vn.bluezone.bench.checkin;

import com.google.protobuf.InvalidProtocolBufferException;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.bluezone.protocol.checkin.proto.CheckinProto;
import vn.bluezone.protocol.export.VerificationKey;

/**
 * Where a phone's check-in check spends its time, each step alone on the same files (thread CPU time): unwrapping
 * the signed files, one ECDSA P-256 verification per hourly package, one per daily manifest, SHA-256 of every file.
 */
final class TimeSplit {
    private static final String P256_SHA256 = "1.2.840.10045.4.3.2";

    private TimeSplit() {
    }

    static void print(List<byte[]> files, List<VerificationKey> trusted, Map<Long, byte[]> manifests, ThreadMXBean cpu) {
        VerificationKey key = trusted.get(0);
        long c0 = cpu.getCurrentThreadCpuTime();
        List<CheckinProto.SignedCheckinPackage> signed = new ArrayList<>();
        for (byte[] f : files) {
            signed.add(parse(f));
        }
        long c1 = cpu.getCurrentThreadCpuTime();
        for (CheckinProto.SignedCheckinPackage s : signed) {
            if (!key.verifies(s.getPackage().toByteArray(), s.getSignatures(0).getSignature().toByteArray(), P256_SHA256)) {
                throw new IllegalStateException("a package's signature does not verify");
            }
        }
        long c2 = cpu.getCurrentThreadCpuTime();
        for (byte[] f : files) {
            sha256(f);
        }
        long c3 = cpu.getCurrentThreadCpuTime();
        for (byte[] m : manifests.values()) {
            try {
                CheckinProto.SignedCheckinManifest s = CheckinProto.SignedCheckinManifest.parseFrom(m);
                if (!key.verifies(s.getManifest().toByteArray(), s.getSignatures(0).getSignature().toByteArray(), P256_SHA256)) {
                    throw new IllegalStateException("a manifest's signature does not verify");
                }
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            }
        }
        long c4 = cpu.getCurrentThreadCpuTime();
        System.out.printf("time split (thread CPU): unwrap %d signed files %.1f ms; %d package ECDSA verifications "
                        + "%.1f ms (%.2f ms each); SHA-256 of all files %.1f ms; %d manifest verifications %.1f ms%n",
                files.size(), (c1 - c0) / 1e6, files.size(), (c2 - c1) / 1e6, (c2 - c1) / 1e6 / files.size(),
                (c3 - c2) / 1e6, manifests.size(), (c4 - c3) / 1e6);
    }

    private static CheckinProto.SignedCheckinPackage parse(byte[] f) {
        try {
            return CheckinProto.SignedCheckinPackage.parseFrom(f);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
