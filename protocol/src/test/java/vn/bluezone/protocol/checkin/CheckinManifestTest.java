package vn.bluezone.protocol.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.bluezone.protocol.checkin.proto.CheckinProto;
import vn.bluezone.protocol.export.P256Keys;
import vn.bluezone.protocol.export.SigningKey;
import vn.bluezone.protocol.export.VerificationKey;

class CheckinManifestTest {
    /** 14/08/2026 00:00 UTC. */
    private static final long DAY = 1_786_665_600L;
    private final SecureRandom random = new SecureRandom();
    private final KeyPair pair = P256Keys.generate();
    private final SigningKey signing = new SigningKey(pair.getPrivate(), "452", "v1");
    private final List<VerificationKey> trusted = List.of(new VerificationKey(pair.getPublic(), "452", "v1"));
    private final PlacePayload market = PlacePayload.create("Chợ Hà Lạc", "", 0, 0, 60, random);

    private byte[] hourPackage(String region, long start) {
        return new CheckinPackage(region, start, start + 3600, List.of(ReportCipher.encrypt(market.locationId(),
                CheckinRecord.of((int) (start / 600), 6, 5), random))).sign(List.of(signing));
    }

    private static String name(String region, long start) {
        return region + "/hour-" + start + "-" + (start + 3600) + ".bin";
    }

    @Test
    void aListedPackageIsAcceptedByItsHashAndScannedLikeASignedOne() {
        byte[] p0 = hourPackage("VN", DAY);
        byte[] p1 = hourPackage("VN", DAY + 3600);
        Map<String, byte[]> listed = new LinkedHashMap<>();
        listed.put(name("VN", DAY), CheckinManifest.sha256(p0));
        listed.put(name("VN", DAY + 3600), CheckinManifest.sha256(p1));
        byte[] file = CheckinManifest.of("VN", DAY, listed).sign(List.of(signing));

        CheckinManifest m = CheckinManifest.read(file, trusted, "VN", DAY);
        assertEquals(List.of(name("VN", DAY), name("VN", DAY + 3600)), m.names());
        CheckinMatcher phone = new CheckinMatcher(List.of(new LocalCheckin(1, market.locationId(), DAY, DAY + 7200)));
        PackageScan.Result viaManifest = PackageScan.readListed(p1, m, name("VN", DAY + 3600), phone);
        PackageScan.Result viaSignature = PackageScan.read(p1, trusted, phone);
        assertEquals(viaSignature.reportCount(), viaManifest.reportCount());
        assertEquals(1, viaManifest.kept().size());
        assertEquals(1, phone.match(viaManifest.kept()).size());
        assertEquals(DAY + 3600, viaManifest.startSeconds());
    }

    @Test
    void aChangedByteAnywhereInAListedPackageIsRefused() {
        byte[] p0 = hourPackage("VN", DAY);
        CheckinManifest m = CheckinManifest.read(CheckinManifest.of("VN", DAY, Map.of(name("VN", DAY),
                CheckinManifest.sha256(p0))).sign(List.of(signing)), trusted, "VN", DAY);
        CheckinMatcher phone = new CheckinMatcher(List.of());
        for (int at : new int[] {0, p0.length / 3, p0.length - 1}) { // wrapper, report bytes, signature
            byte[] tampered = p0.clone();
            tampered[at] ^= 0x01;
            assertEquals("HASH_MISMATCH", assertThrows(CheckinFormatException.class,
                    () -> PackageScan.readListed(tampered, m, name("VN", DAY), phone)).code(), "byte " + at);
        }
        // Another genuine, signed package served under this name: still refused (its hash is not the listed one).
        byte[] other = hourPackage("VN", DAY);
        assertEquals("HASH_MISMATCH", assertThrows(CheckinFormatException.class,
                () -> PackageScan.readListed(other, m, name("VN", DAY), phone)).code());
        assertEquals("NOT_IN_MANIFEST", assertThrows(CheckinFormatException.class,
                () -> PackageScan.readListed(p0, m, name("VN", DAY + 3600), phone)).code());
        assertTrue(m.vouchesFor(name("VN", DAY), p0));
        assertFalse(m.vouchesFor(name("VN", DAY), other));
    }

    @Test
    void aTamperedForeignWrongRegionOrWrongDayManifestIsRefused() {
        byte[] p0 = hourPackage("46", DAY + 7200);
        byte[] file = CheckinManifest.of("46", DAY, Map.of(name("46", DAY + 7200), CheckinManifest.sha256(p0)))
                .sign(List.of(signing));
        byte[] tampered = file.clone();
        tampered[12] ^= 0x01; // inside the signed manifest bytes
        assertEquals("SIGNATURE_MISMATCH", code(() -> CheckinManifest.read(tampered, trusted, "46", DAY)));
        List<VerificationKey> stranger = List.of(VerificationKey.of(P256Keys.generate().getPublic()));
        assertEquals("SIGNATURE_MISMATCH", code(() -> CheckinManifest.read(file, stranger, "46", DAY)));
        assertEquals("WRONG_REGION", code(() -> CheckinManifest.read(file, trusted, "VN", DAY)));
        assertEquals("WRONG_DAY", code(() -> CheckinManifest.read(file, trusted, "46", DAY + 86_400)));
        byte[] unsigned = CheckinProto.SignedCheckinManifest.newBuilder()
                .setManifest(ByteString.copyFrom(new byte[] {1, 2})).build().toByteArray();
        assertEquals("SIGNATURE_MISSING", code(() -> CheckinManifest.read(unsigned, trusted, "46", DAY)));
        assertEquals("BAD_PROTOBUF", code(() -> CheckinManifest.read(new byte[] {(byte) 0xff, 1}, trusted, "46", DAY)));
    }

    @Test
    void signedPackagesAndManifestsCannotBePassedOffAsEachOther() {
        byte[] p0 = hourPackage("VN", DAY);
        // A signed package served as a manifest: its signature verifies, but its bytes are no manifest (field 2 is
        // the package's start time, a number where the manifest has its region).
        assertEquals("BAD_PROTOBUF", code(() -> CheckinManifest.read(p0, trusted, "VN", DAY)));
        byte[] empty0 = new CheckinPackage("VN", 0, 0, List.of()).sign(List.of(signing));
        assertEquals("BAD_MANIFEST", code(() -> CheckinManifest.read(empty0, trusted, "VN", DAY)));
        // A signed manifest served as a package: its entries are no reports (a 33-character name is no 32-byte
        // hash); an empty one would still name the manifest header as its region, which no phone asks for.
        byte[] m = CheckinManifest.of("VN", DAY, Map.of(name("VN", DAY), CheckinManifest.sha256(p0))).sign(List.of(signing));
        assertEquals("INVALID_LOCATION_HASH", code(() -> PackageScan.read(m, trusted, new CheckinMatcher(List.of()))));
        byte[] empty = CheckinManifest.of("VN", DAY, Map.of()).sign(List.of(signing));
        PackageScan.Result r = PackageScan.read(empty, trusted, new CheckinMatcher(List.of()));
        assertEquals(CheckinManifest.HEADER, r.region());
        assertEquals(0, r.reportCount());
    }

    @Test
    void entriesMustBeTheRegionsPackagesOfThatDay() {
        byte[] h = new byte[32];
        assertEquals("BAD_MANIFEST", code(() -> CheckinManifest.of("VN", DAY, Map.of(name("46", DAY), h))));
        assertEquals("BAD_MANIFEST", code(() -> CheckinManifest.of("VN", DAY, Map.of(name("VN", DAY + 86_400), h))));
        assertEquals("BAD_MANIFEST", code(() -> CheckinManifest.of("VN", DAY, Map.of(name("VN", DAY), new byte[31]))));
        assertEquals("BAD_MANIFEST", code(() -> CheckinManifest.of("VN", DAY, Map.of("VN/index.txt", h))));
        assertEquals("BAD_MANIFEST", code(() -> CheckinManifest.of("VN", DAY + 60, Map.of())));
        // A signed manifest whose entries are forged this way is refused on read as well.
        CheckinProto.CheckinManifest forged = CheckinProto.CheckinManifest.newBuilder().setHeader(CheckinManifest.HEADER)
                .setRegion("VN").setDayStartTimestamp(DAY).addPackages(CheckinProto.ManifestEntry.newBuilder()
                        .setName(name("VN", DAY - 3600)).setSha256(ByteString.copyFrom(h))).build();
        byte[] body = forged.toByteArray();
        byte[] file = CheckinProto.SignedCheckinManifest.newBuilder().setManifest(ByteString.copyFrom(body))
                .addAllSignatures(PackageSignatures.sign(body, List.of(signing))).build().toByteArray();
        assertEquals("BAD_MANIFEST", code(() -> CheckinManifest.read(file, trusted, "VN", DAY)));
        assertEquals(DAY, CheckinManifest.dayOf(DAY + 86_399));
        assertEquals(-1, CheckinManifest.packageStart("VN/hour-1-2.zip"));
    }

    private static String code(Runnable r) {
        return assertThrows(CheckinFormatException.class, r::run).code();
    }
}
