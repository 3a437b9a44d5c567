package vn.bluezone.device.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.bluezone.device.messages.RenderedWarning;
import vn.bluezone.device.messages.WarningMessages;
import vn.bluezone.device.port.KeyServerClient;
import vn.bluezone.device.server.KeyServerException;
import vn.bluezone.device.server.SignedConfiguration;
import vn.bluezone.protocol.checkin.CheckinLink;
import vn.bluezone.protocol.checkin.CheckinManifest;
import vn.bluezone.protocol.checkin.CheckinPackage;
import vn.bluezone.protocol.checkin.CheckinRecord;
import vn.bluezone.protocol.checkin.PlacePayload;
import vn.bluezone.protocol.checkin.ProtectedReport;
import vn.bluezone.protocol.checkin.ReportCipher;
import vn.bluezone.protocol.export.P256Keys;
import vn.bluezone.protocol.export.SigningKey;

/**
 * The phone's check through signed daily manifests (no server: the files are made with the protocol classes and
 * served by a fake): packages accepted by their hash, a tampered package, a tampered, wrong-region or wrong-day
 * manifest, a genuine package served under another name, a server without manifests; and the warning's advice
 * naming the hotline of the signed configuration, else the app's shipped one.
 */
class CheckinManifestCheckTest {
    /** 14/08/2026 00:00 UTC. */
    private static final long DAY = 1_786_665_600L;
    private static final String HOTLINE = "0234 3822 123";
    private final SecureRandom random = new SecureRandom();
    private final KeyPair pair = P256Keys.generate();
    private final SigningKey key = new SigningKey(pair.getPrivate(), "452", "v1");
    private final PlacePayload market = PlacePayload.create("Chợ Hà Lạc", "Thôn Hà Lạc", 0, 0, 60, random);
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, byte[]> manifests = new HashMap<>();
    private final List<RenderedWarning> texts = new ArrayList<>();
    private String config = "{\"checkins\":{\"minimumOverlapMinutes\":15},\"health\":{\"hotline\":\"" + HOTLINE + "\"}}";
    private boolean serverHasManifests = true;
    private CheckinEngine phone;

    private final CheckinServerClient server = new CheckinServerClient() {
        @Override
        public List<String> packageIndex(String region) {
            return new ArrayList<>(files.keySet());
        }

        @Override
        public byte[] packageFile(String name) throws KeyServerException {
            byte[] f = files.get(name);
            if (f == null) {
                throw new KeyServerException(404, "HTTP_404", name);
            }
            return f.clone();
        }

        @Override
        public byte[] manifest(String region, long day) throws KeyServerException {
            byte[] m = serverHasManifests ? manifests.get(region + "/" + day) : null;
            if (m == null) {
                throw new KeyServerException(404, "HTTP_404", "no manifest");
            }
            return m.clone();
        }
    };

    @BeforeEach
    void setUp() {
        Instant at = Instant.ofEpochSecond(DAY + 8 * 3600);
        phone = engine(Clock.fixed(at, ZoneOffset.UTC), WarningMessages.VIETNAMESE);
        long id = phone.book().checkIn(new CheckinLink("https://bz.example.vn", "CHO01", market).toUrl()).id();
        Clock later = Clock.fixed(at.plusSeconds(3600), ZoneOffset.UTC);
        new CheckinBook(store, later, random).checkOut(id);
        phone = engine(Clock.fixed(Instant.ofEpochSecond(DAY + 12 * 3600), ZoneOffset.UTC), WarningMessages.VIETNAMESE);
        // A case was at the market 08:10-09:10 UTC; published in the 10:00 package. Other hours: someone else's place.
        ProtectedReport theCase = ReportCipher.encrypt(market.locationId(),
                CheckinRecord.covering(DAY + 8 * 3600 + 600, DAY + 9 * 3600 + 600, 5, ""), random);
        publish("VN", DAY - 3600, List.of(other()));
        publish("VN", DAY + 10 * 3600, List.of(theCase, other()));
        publish("VN", DAY + 11 * 3600, List.of(other()));
        sealDays("VN");
    }

    private final InMemoryCheckinStore store = new InMemoryCheckinStore();

    private CheckinEngine engine(Clock clock, Locale locale) {
        return new CheckinEngine(store, server, configServer(), List.of(P256Keys.toPem(pair.getPublic())), List.of("VN"),
                clock, random, (w, t) -> texts.add(t), locale);
    }

    private ProtectedReport other() {
        return ReportCipher.encrypt(PlacePayload.create("Quán khác", "", 0, 0, 60, random).locationId(),
                CheckinRecord.of((int) (DAY / 600), 6, 5), random);
    }

    private static String name(String region, long start) {
        return region + "/hour-" + start + "-" + (start + 3600) + ".bin";
    }

    private void publish(String region, long start, List<ProtectedReport> reports) {
        files.put(name(region, start), new CheckinPackage(region, start, start + 3600, reports).sign(List.of(key)));
    }

    /** The server's manifests: per day, the SHA-256 of each package file of that day. */
    private void sealDays(String region) {
        Map<Long, Map<String, byte[]>> byDay = new HashMap<>();
        files.forEach((name, file) -> byDay.computeIfAbsent(CheckinManifest.dayOf(CheckinManifest.packageStart(name)),
                d -> new LinkedHashMap<>()).put(name, sha256(file)));
        byDay.forEach((day, listed) -> manifests.put(region + "/" + day,
                CheckinManifest.of(region, day, listed).sign(List.of(key))));
    }

    private static byte[] sha256(byte[] b) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key server as far as the check-in engine uses it: the signed configuration. */
    private KeyServerClient configServer() {
        return (KeyServerClient) java.lang.reflect.Proxy.newProxyInstance(KeyServerClient.class.getClassLoader(),
                new Class<?>[] {KeyServerClient.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("configuration")) {
                        throw new KeyServerException(0, "offline", "not used here");
                    }
                    byte[] sig = key.sign(config.getBytes(StandardCharsets.UTF_8));
                    return new SignedConfiguration(config, Base64.getEncoder().encodeToString(sig), "452");
                });
    }

    @Test
    void everyPackageIsReadThroughItsDaysManifestAndTheWarningNamesTheConfiguredHotline() {
        CheckinCheckResult r = phone.check();
        assertEquals(List.of(), r.rejected());
        assertEquals(3, r.packagesRead());
        assertEquals(3, r.packagesViaManifest(), "two days, two manifest signatures, no package signature checked");
        assertEquals(1, r.warnings().size());
        assertEquals(50, r.warnings().get(0).overlapMinutes(), "checked out at 09:00, the case from 08:10");
        String body = texts.get(0).body();
        assertTrue(body.contains("đường dây nóng " + HOTLINE), body);
        assertFalse(body.contains("1900 9095"), body);
        assertEquals(HOTLINE, phone.healthHotline());
        assertEquals(0, phone.check().packagesRead(), "nothing new");
    }

    @Test
    void aTamperedPackageIsRefusedByItsHashAndReadOnceRepaired() {
        String hit = name("VN", DAY + 10 * 3600);
        byte[] honest = files.get(hit);
        byte[] tampered = honest.clone();
        tampered[tampered.length / 3] ^= 0x01;
        files.put(hit, tampered);
        CheckinCheckResult r = phone.check();
        assertEquals(List.of(hit + ": HASH_MISMATCH"), r.rejected());
        assertEquals(2, r.packagesRead());
        assertTrue(r.warnings().isEmpty());

        // Another genuine, signed package (an older hour's) served under the name: not the listed file either.
        files.put(hit, files.get(name("VN", DAY - 3600)));
        assertEquals(List.of(hit + ": HASH_MISMATCH"), phone.check().rejected());

        files.put(hit, honest);
        CheckinCheckResult again = phone.check();
        assertEquals(1, again.packagesRead());
        assertEquals(1, again.warnings().size());
    }

    @Test
    void aTamperedWrongRegionOrWrongDayManifestIsRefusedAndItsPackagesAreCheckedByTheirOwnSignatures() {
        String today = "VN/" + DAY;
        byte[] tampered = manifests.get(today).clone();
        tampered[10] ^= 0x01;
        manifests.put(today, tampered);
        CheckinCheckResult r = phone.check();
        assertEquals(List.of("VN/day-" + DAY + ".manifest: SIGNATURE_MISMATCH"), r.rejected());
        assertEquals(3, r.packagesRead());
        assertEquals(1, r.packagesViaManifest(), "only the day before, through its manifest");
        assertEquals(1, r.warnings().size(), "the package itself is genuine: its own signature verifies");

        CheckinManifestCheckTest wrongRegion = new CheckinManifestCheckTest();
        wrongRegion.setUp();
        wrongRegion.manifests.put("VN/" + DAY, CheckinManifest.of("46", DAY, Map.of()).sign(List.of(wrongRegion.key)));
        assertEquals(List.of("VN/day-" + DAY + ".manifest: WRONG_REGION"), wrongRegion.phone.check().rejected());

        CheckinManifestCheckTest wrongDay = new CheckinManifestCheckTest();
        wrongDay.setUp();
        wrongDay.manifests.put("VN/" + DAY, wrongDay.manifests.get("VN/" + (DAY - 86_400)));
        CheckinCheckResult replayed = wrongDay.phone.check();
        assertEquals(List.of("VN/day-" + DAY + ".manifest: WRONG_DAY"), replayed.rejected());
        assertEquals(1, replayed.warnings().size());
    }

    @Test
    void withoutManifestsEachPackageIsCheckedByItsSignatureAndMustBeTheHourItIsNamed() {
        serverHasManifests = false;
        String hit = name("VN", DAY + 10 * 3600);
        byte[] honest = files.get(hit);
        files.put(hit, files.get(name("VN", DAY + 11 * 3600))); // genuine, signed, but another hour
        CheckinCheckResult r = phone.check();
        assertEquals(List.of(hit + ": WRONG_PACKAGE"), r.rejected());
        assertEquals(0, r.packagesViaManifest());
        files.put(hit, honest);
        CheckinCheckResult again = phone.check();
        assertEquals(1, again.packagesRead());
        assertEquals(0, again.packagesViaManifest());
        assertEquals(1, again.warnings().size());
    }

    @Test
    void withoutAConfiguredHotlineTheAdviceNamesNoNumberAndAMalformedOneIsIgnored() {
        config = "{\"health\":{\"hotline\":\"call https://evil.example\"}}";
        phone = engine(Clock.fixed(Instant.ofEpochSecond(DAY + 12 * 3600), ZoneOffset.UTC), Locale.ENGLISH);
        phone.check();
        assertEquals(null, phone.healthHotline());
        String body = texts.get(0).body();
        assertTrue(body.endsWith("call your commune health station for advice."), body);
        assertFalse(body.matches(".*\\d{4} \\d{4}.*"), body);
    }

    @Test
    void withoutAServerHotlineTheAdviceNamesTheShippedOne() {
        config = "{\"checkins\":{\"minimumOverlapMinutes\":15}}"; // an older server: no health member
        phone.useShippedHotline("1900 9095");
        phone.useShippedHotline("call https://evil.example"); // a malformed build setting changes nothing
        phone.check();
        assertEquals("1900 9095", phone.healthHotline());
        String body = texts.get(0).body();
        assertTrue(body.contains("đường dây nóng 1900 9095"), body);
    }

    @Test
    void theServersHotlineOutranksTheShippedOne() {
        phone.useShippedHotline("1900 9095");
        phone.check();
        assertEquals(HOTLINE, phone.healthHotline());
        String body = texts.get(0).body();
        assertTrue(body.contains("đường dây nóng " + HOTLINE), body);
        assertFalse(body.contains("1900 9095"), body);
    }
}
