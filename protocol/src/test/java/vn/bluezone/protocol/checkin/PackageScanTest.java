package vn.bluezone.protocol.checkin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bluezone.protocol.export.P256Keys;
import vn.bluezone.protocol.export.SigningKey;
import vn.bluezone.protocol.export.VerificationKey;

class PackageScanTest {
    private final SecureRandom random = new SecureRandom();
    private final KeyPair pair = P256Keys.generate();
    private final SigningKey signing = new SigningKey(pair.getPrivate(), "452", "v1");
    private final VerificationKey trusted = new VerificationKey(pair.getPublic(), "452", "v1");
    private final PlacePayload market = PlacePayload.create("Chợ Hà Lạc", "", 0, 0, 60, random);
    private final PlacePayload eatery = PlacePayload.create("Quán cơm", "", 0, 0, 60, random);

    /** 300 reports, 3 of them at the phone's market: the scan keeps exactly those, byte for byte as read() does. */
    @Test
    void keepsOnlyTheReportsAboutThePhonesPlaces() {
        List<ProtectedReport> reports = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            PlacePayload p = i % 100 == 7 ? market : i % 2 == 0 ? eatery
                    : PlacePayload.create("nơi " + i, "", 0, 0, 60, random);
            reports.add(ReportCipher.encrypt(p.locationId(), CheckinRecord.of(2977770 + i, 3, 5), random));
        }
        byte[] file = new CheckinPackage("46", 1000, 4600, reports).sign(List.of(signing));
        long start = 2977777L * 600;
        CheckinMatcher phone = new CheckinMatcher(List.of(new LocalCheckin(1, market.locationId(), start, start + 3600)));
        PackageScan.Result r = PackageScan.read(file, List.of(trusted), phone);
        assertEquals("46", r.region());
        assertEquals(1000, r.startSeconds());
        assertEquals(4600, r.endSeconds());
        assertEquals(300, r.reportCount());
        List<ProtectedReport> all = CheckinPackage.read(file, List.of(trusted)).reports();
        List<ProtectedReport> expected = all.stream()
                .filter(x -> java.util.Arrays.equals(x.locationIdHash(), market.locationId().hash())).toList();
        assertEquals(3, r.kept().size());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(expected.get(i).locationIdHash(), r.kept().get(i).locationIdHash());
            assertArrayEquals(expected.get(i).iv(), r.kept().get(i).iv());
            assertArrayEquals(expected.get(i).encryptedRecord(), r.kept().get(i).encryptedRecord());
            assertArrayEquals(expected.get(i).mac(), r.kept().get(i).mac());
        }
        assertEquals(phone.match(all).size(), phone.match(r.kept()).size());
        assertEquals(1, phone.match(r.kept()).size());
    }

    /** Signature checks as read(); a malformed report about another place still rejects the package. */
    @Test
    void rejectsWhatReadRejects() {
        CheckinMatcher phone = new CheckinMatcher(List.of(new LocalCheckin(1, market.locationId(), 0, 600)));
        byte[] good = new CheckinPackage("VN", 0, 3600, List.of(ReportCipher.encrypt(eatery.locationId(),
                CheckinRecord.of(1, 1, 5), random))).sign(List.of(signing));
        VerificationKey stranger = VerificationKey.of(P256Keys.generate().getPublic());
        assertEquals("SIGNATURE_MISMATCH", assertThrows(CheckinFormatException.class,
                () -> PackageScan.read(good, List.of(stranger), phone)).code());
        ProtectedReport ok = ReportCipher.encrypt(eatery.locationId(), CheckinRecord.of(1, 1, 5), random);
        byte[] shortMac = signedWithRawReport(ok.locationIdHash(), ok.iv(), ok.encryptedRecord(), new byte[31]);
        assertEquals("INVALID_MAC", assertThrows(CheckinFormatException.class,
                () -> PackageScan.read(shortMac, List.of(trusted), phone)).code());
        assertEquals("INVALID_MAC", assertThrows(CheckinFormatException.class,
                () -> CheckinPackage.read(shortMac, List.of(trusted))).code());
        byte[] noHash = signedWithRawReport(new byte[0], ok.iv(), ok.encryptedRecord(), ok.mac());
        assertEquals("INVALID_LOCATION_HASH", assertThrows(CheckinFormatException.class,
                () -> PackageScan.read(noHash, List.of(trusted), phone)).code());
    }

    /** A package whose report bypasses ProtectedReport's checks (built with the generated protobuf classes). */
    private byte[] signedWithRawReport(byte[] hash, byte[] iv, byte[] enc, byte[] mac) {
        var report = vn.bluezone.protocol.checkin.proto.CheckinProto.ProtectedReport.newBuilder()
                .setLocationIdHash(com.google.protobuf.ByteString.copyFrom(hash))
                .setIv(com.google.protobuf.ByteString.copyFrom(iv))
                .setEncryptedRecord(com.google.protobuf.ByteString.copyFrom(enc))
                .setMac(com.google.protobuf.ByteString.copyFrom(mac));
        byte[] body = vn.bluezone.protocol.checkin.proto.CheckinProto.CheckinPackage.newBuilder().setRegion("VN")
                .addReports(report).build().toByteArray();
        return vn.bluezone.protocol.checkin.proto.CheckinProto.SignedCheckinPackage.newBuilder()
                .setPackage(com.google.protobuf.ByteString.copyFrom(body))
                .addSignatures(vn.bluezone.protocol.checkin.proto.CheckinProto.PackageSignature.newBuilder()
                        .setKeyId(signing.info().keyId()).setKeyVersion(signing.info().keyVersion())
                        .setAlgorithm(signing.info().algorithm())
                        .setSignature(com.google.protobuf.ByteString.copyFrom(signing.sign(body))))
                .build().toByteArray();
    }
}
