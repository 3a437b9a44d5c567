package vn.bluezone.protocol.checkin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bluezone.protocol.export.P256Keys;
import vn.bluezone.protocol.export.SigningKey;
import vn.bluezone.protocol.export.VerificationKey;

class CheckinPackageTest {
    private final SecureRandom random = new SecureRandom();
    private final KeyPair pair = P256Keys.generate();
    private final SigningKey signing = new SigningKey(pair.getPrivate(), "452", "v1");
    private final VerificationKey trusted = new VerificationKey(pair.getPublic(), "452", "v1");
    private final PlacePayload market = PlacePayload.create("Chợ Hà Lạc", "", 0, 0, 60, random);
    private final PlacePayload eatery = PlacePayload.create("Quán cơm", "", 0, 0, 60, random);

    private byte[] file() {
        List<ProtectedReport> reports = List.of(
                ReportCipher.encrypt(market.locationId(), CheckinRecord.of(2977770, 3, 5), random),
                ReportCipher.encrypt(eatery.locationId(), CheckinRecord.of(2977780, 6, 5), random));
        return new CheckinPackage("VN", 1000, 4600, reports).sign(List.of(signing));
    }

    @Test
    void signedPackageReadsBackAndMatches() {
        CheckinPackage p = CheckinPackage.read(file(), List.of(trusted));
        assertEquals("VN", p.region());
        assertEquals(2, p.reports().size());
        assertArrayEquals(market.locationId().hash(), p.reports().get(0).locationIdHash());
        // Checked in 06:10-07:00 (Vietnam) at the market: the case's 06:00-06:30 overlaps 20 minutes.
        long start = 2977771L * 600;
        LocalCheckin mine = new LocalCheckin(1, market.locationId(), start, start + 50 * 60);
        List<CheckinMatch> matches = new CheckinMatcher(List.of(mine)).match(p.reports());
        assertEquals(1, matches.size());
        assertEquals(20, matches.get(0).overlapMinutes());
    }

    @Test
    void tamperedPackageIsRejected() {
        byte[] f = file();
        int changed = 0;
        for (int i = 20; i < f.length && changed < 1; i++) { // flip one byte inside the package body
            f[i] ^= 0x01;
            changed++;
        }
        CheckinFormatException e = assertThrows(CheckinFormatException.class, () -> CheckinPackage.read(f, List.of(trusted)));
        assertTrue(List.of("SIGNATURE_MISMATCH", "BAD_PROTOBUF").contains(e.code()), e.code());
        VerificationKey stranger = VerificationKey.of(P256Keys.generate().getPublic());
        assertEquals("SIGNATURE_MISMATCH", assertThrows(CheckinFormatException.class,
                () -> CheckinPackage.read(file(), List.of(stranger))).code());
        assertEquals("BAD_PROTOBUF", assertThrows(CheckinFormatException.class,
                () -> CheckinPackage.read(new byte[] {(byte) 0xFF, 1, 2}, List.of(trusted))).code());
    }

    @Test
    void matcherFindsOnlyOverlapsOfTheSamePlaceAndSkipsBadMacs() {
        long t = 2977770L * 600;
        List<ProtectedReport> reports = new ArrayList<>();
        reports.add(ReportCipher.encrypt(market.locationId(), CheckinRecord.of(2977770, 3, 5), random));
        ProtectedReport good = reports.get(0);
        byte[] mac = good.mac().clone();
        mac[5] ^= 1;
        reports.add(new ProtectedReport(good.locationIdHash(), good.iv(), good.encryptedRecord(), mac));
        LocalCheckin sameTime = new LocalCheckin(1, market.locationId(), t, t + 3600);
        LocalCheckin dayBefore = new LocalCheckin(2, market.locationId(), t - 86400, t - 86400 + 3600);
        LocalCheckin otherPlace = new LocalCheckin(3, eatery.locationId(), t, t + 3600);
        CheckinMatcher m = new CheckinMatcher(List.of(sameTime, dayBefore, otherPlace));
        List<CheckinMatch> found = m.match(reports);
        assertEquals(1, found.size());
        assertEquals(1, found.get(0).checkin().ref());
        assertEquals(30, found.get(0).overlapMinutes());
        assertEquals(1, m.macFailures());
    }

    @Test
    void coveringRoundsToIntervals() {
        CheckinRecord r = CheckinRecord.covering(2977770L * 600 + 59, 2977770L * 600 + 1201, 5, "");
        assertEquals(2977770, r.startInterval());
        assertEquals(3, r.periodIntervals());
    }
}
