package vn.bluezone.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.bluezone.device.calibration.CalibrationTable;
import vn.bluezone.device.port.Advertiser;
import vn.bluezone.device.port.KeyServerClient;
import vn.bluezone.device.port.Scanner;
import vn.bluezone.device.radio.Advertisement;
import vn.bluezone.device.scan.DutyCycle;
import vn.bluezone.device.server.SignedConfiguration;
import vn.bluezone.device.sim.RecordingNotifier;
import vn.bluezone.device.sim.SimulatedClock;
import vn.bluezone.device.store.ScanRecord;
import vn.bluezone.device.store.SqliteDeviceStorage;
import vn.bluezone.protocol.export.P256Keys;
import vn.bluezone.protocol.risk.RiskConfiguration;

/**
 * The engine applies the scanning part and the minimum app version of the key server's configuration only when
 * its signature verifies: the duty cycle changes from the next scan on and survives a restart; a tampered,
 * unsigned or foreign-signed document changes nothing; values out of bounds are refused with the reason; an
 * older app says so in every result and tells the user once per required version, in Vietnamese or English.
 */
class ServerConfigurationTest {
    private static final DutyCycle SERVER = new DutyCycle(Duration.ofSeconds(10), Duration.ofSeconds(120));

    private final SimulatedClock clock = new SimulatedClock(Instant.parse("2021-07-21T10:00:00Z"));
    private final SignedConfigServer server = new SignedConfigServer();
    private final List<Duration> windows = new ArrayList<>();
    private final List<DeviceEngine> engines = new ArrayList<>();
    private Path dbFile;

    @AfterEach
    void closeAll() throws Exception {
        for (DeviceEngine e : engines) {
            e.close();
        }
        if (dbFile != null) {
            for (String suffix : List.of("", "-wal", "-shm")) {
                Files.deleteIfExists(Path.of(dbFile + suffix));
            }
        }
    }

    private DeviceConfig config() {
        return DeviceConfig.of("VN", CalibrationTable.shipped().lookup("google", "Pixel 4"), server.publicKeyPem());
    }

    private DeviceEngine engine(DeviceConfig config, SqliteDeviceStorage storage, RecordingNotifier notifier,
                                KeyServerClient client) {
        Advertiser silent = new Advertiser() {
            @Override
            public void advertise(Advertisement a) {
            }

            @Override
            public void stop() {
            }
        };
        Scanner scanner = (window, listener) -> {
            windows.add(window);
            listener.onScanFinished();
        };
        DeviceEngine e = new DeviceEngine(config, clock, silent, scanner, storage, notifier, client,
                new SecureRandom());
        engines.add(e);
        return e;
    }

    private DeviceEngine engine(SqliteDeviceStorage storage) {
        return engine(config(), storage, new RecordingNotifier(), server);
    }

    /** Ticks every 5 s for {@code d}; returns the scans started meanwhile. */
    private List<ScanRecord> run(DeviceEngine e, Duration d) {
        Instant from = clock.instant();
        Instant end = from.plus(d);
        while (clock.instant().isBefore(end)) {
            e.scanIfDue();
            clock.advance(Duration.ofSeconds(5));
        }
        return e.storage().scansBetween(from, end);
    }

    private static void assertRhythm(List<ScanRecord> scans, DutyCycle d) {
        assertTrue(scans.size() >= 3, "scans: " + scans);
        for (int i = 0; i < scans.size(); i++) {
            assertEquals(d.window(), scans.get(i).duration(), "scan window");
            if (i > 0) {
                assertEquals(d.period(), Duration.between(scans.get(i - 1).startedAt(), scans.get(i).startedAt()),
                        "scan period");
            }
        }
    }

    @Test
    void theServersDutyCycleIsUsedFromTheNextScanAndSurvivesARestart() throws Exception {
        dbFile = Files.createTempFile("bluezone-device", ".db");
        DeviceEngine first = engine(SqliteDeviceStorage.open(dbFile));
        assertRhythm(run(first, Duration.ofMinutes(20)), DutyCycle.defaults());

        server.serveSigned(SignedConfigServer.document(10, 120, "1.0.0"));
        ConfigurationRefresh r = first.refreshConfiguration();
        assertTrue(r.verified(), r.problem());
        assertTrue(r.dutyCycleChanged());
        assertEquals(SERVER, r.dutyCycle());
        assertEquals(List.of(), r.notApplied());
        assertEquals(SERVER, first.dutyCycle());
        // 12 minutes: the scan already planned may be up to one old period (5 min) away, then one every 2 minutes.
        List<ScanRecord> after = run(first, Duration.ofMinutes(12));
        // The scan already planned keeps its time; it and all later ones use the server's window and period.
        assertRhythm(after, SERVER);
        assertTrue(after.size() >= 4, "a scan every 2 minutes: " + after.size());
        assertFalse(first.refreshConfiguration().dutyCycleChanged(), "the same document changes nothing again");
        first.close();
        engines.remove(first);

        // Restart: a new engine on the same database, offline, scans with the server's duty cycle.
        DeviceEngine restarted = engine(config(), SqliteDeviceStorage.open(dbFile), new RecordingNotifier(),
                KeyServerClient.offline());
        assertEquals(SERVER, restarted.dutyCycle());
        assertRhythm(run(restarted, Duration.ofMinutes(10)), SERVER);
        ConfigurationRefresh offline = restarted.refreshConfiguration();
        assertFalse(offline.verified());
        assertTrue(offline.problem().startsWith("UNREACHABLE"), offline.problem());
        assertEquals(SERVER, offline.dutyCycle());
    }

    @Test
    void aTamperedUnsignedOrForeignSignedConfigurationChangesNothing() throws Exception {
        String doc = SignedConfigServer.document(10, 120, "9.0.0");
        SignedConfiguration genuine = server.sign(doc);
        SignedConfiguration tampered = new SignedConfiguration(doc.replace("\"scanIntervalSeconds\":120",
                "\"scanIntervalSeconds\":60"), genuine.signatureBase64(), genuine.keyId());
        SignedConfiguration unsigned = new SignedConfiguration(doc, null, null);
        SignedConfiguration foreign = SignedConfigServer.signWith(P256Keys.generate(), doc);
        record Case(SignedConfiguration served, String problem) {
        }
        for (Case c : List.of(new Case(tampered, "SIGNATURE_MISMATCH"), new Case(unsigned, "UNSIGNED"),
                new Case(foreign, "SIGNATURE_MISMATCH"))) {
            RecordingNotifier notifier = new RecordingNotifier();
            SqliteDeviceStorage db = SqliteDeviceStorage.inMemory();
            DeviceEngine e = engine(config(), db, notifier, server.serve(c.served()));
            ExposureCheckResult result = e.checkExposures();
            ConfigurationRefresh r = result.configuration();
            assertFalse(r.verified(), c.problem());
            assertTrue(r.problem().startsWith(c.problem()), r.problem());
            assertEquals(DutyCycle.defaults(), e.dutyCycle(), c.problem());
            assertFalse(r.dutyCycleChanged());
            assertFalse(result.updateRequired(), "a forged minimum version does not nag the user");
            assertEquals(List.of(), notifier.updates());
            assertTrue(db.state(ServerConfiguration.STATE_DUTY_CYCLES).isEmpty());
            assertTrue(db.state(ServerConfiguration.STATE_VERIFIED_RISK).isEmpty());
            assertRhythm(run(e, Duration.ofMinutes(20)), DutyCycle.defaults());
        }
        // The same document, genuinely signed, is applied: the cases above failed for their signature only.
        DeviceEngine e = engine(config(), SqliteDeviceStorage.inMemory(), new RecordingNotifier(),
                server.serve(genuine));
        assertEquals(SERVER, e.refreshConfiguration().dutyCycle());
    }

    @Test
    void scanningOutOfBoundsIsRefusedWithTheReasonWhileTheRestApplies() {
        DeviceEngine e = engine(SqliteDeviceStorage.inMemory());
        RiskConfiguration oneMetre = RiskConfiguration.vietnamDefault().withCloseContact(1.0, 15);
        record Case(String window, String interval, String reason) {
        }
        List<Case> cases = List.of(new Case("90", "300", "scan window 90 s is outside 1..60 s"),
                new Case("0", "300", "scan window 0 s is outside 1..60 s"),
                new Case("4", "30", "scan interval 30 s is outside 60..1800 s"),
                new Case("4", "7200", "scan interval 7200 s is outside 60..1800 s"),
                new Case("60", "60", "scan window 60 s is not shorter than the interval 60 s"),
                new Case("4.5", "300", "must be whole numbers"),
                new Case("\"4\"", "300", "must be whole numbers"));
        for (DutyCycle kept : List.of(DutyCycle.defaults(), SERVER)) {
            if (kept.equals(SERVER)) {
                server.serveSigned(SignedConfigServer.document(10, 120, null));
                assertEquals(SERVER, e.refreshConfiguration().dutyCycle());
            }
            for (Case c : cases) {
                server.serveSigned(SignedConfigServer.document(oneMetre, c.window(), c.interval(), null));
                ConfigurationRefresh r = e.refreshConfiguration();
                assertTrue(r.verified(), r.problem());
                assertFalse(r.dutyCycleChanged(), c.toString());
                assertEquals(kept, r.dutyCycle(), c.toString());
                assertEquals(kept, e.dutyCycle(), c.toString());
                assertEquals(1, r.notApplied().size(), r.notApplied().toString());
                String why = r.notApplied().get(0);
                assertTrue(why.startsWith("scanning: ") && why.contains(c.reason())
                        && why.endsWith("keeping " + kept.describe()), why);
                assertEquals(1.0, r.risk().closeContact().closeContactDistanceMeters(),
                        "the risk part of the same verified document is applied");
            }
        }
    }

    @Test
    void anOlderAppIsToldOncePerRequiredVersionInTheUsersLanguage() throws Exception {
        dbFile = Files.createTempFile("bluezone-device", ".db");
        RecordingNotifier notifier = new RecordingNotifier();
        DeviceEngine e = engine(config().withAppVersion("1.2.0"), SqliteDeviceStorage.open(dbFile), notifier,
                server);

        server.serveSigned(SignedConfigServer.document(4, 300, "1.2"));
        ExposureCheckResult same = e.checkExposures();
        assertFalse(same.updateRequired(), "1.2.0 meets 1.2");
        assertEquals("1.2", same.configuration().minimumAppVersion());
        assertEquals(List.of(), notifier.updates());

        server.serveSigned(SignedConfigServer.document(4, 300, "1.10.0"));
        ExposureCheckResult newer = e.checkExposures();
        assertTrue(newer.updateRequired(), "1.2.0 is older than 1.10.0 (numeric parts, not text)");
        assertEquals("1.2.0", newer.configuration().appVersion());
        assertEquals(1, notifier.updates().size());
        RecordingNotifier.ShownUpdate shown = notifier.updates().get(0);
        assertEquals("1.10.0", shown.update().minimumAppVersion().text());
        assertEquals("Hãy cập nhật ứng dụng Bluezone", shown.title());
        assertTrue(shown.body().contains("phiên bản 1.2.0") && shown.body().contains("phiên bản 1.10.0 trở lên"),
                shown.body());
        assertEquals(List.of(), notifier.warnings(), "not an exposure warning");

        assertTrue(e.checkExposures().updateRequired(), "still said in every result");
        assertEquals(1, notifier.updates().size(), "but notified once");
        e.close();
        engines.remove(e);
        // After a restart, offline: the requirement is remembered and not notified again.
        DeviceEngine restarted = engine(config().withAppVersion("1.2.0"), SqliteDeviceStorage.open(dbFile), notifier,
                KeyServerClient.offline());
        assertTrue(restarted.refreshConfiguration().updateRequired());
        assertEquals(1, notifier.updates().size());
    }

    @Test
    void aNewRequiredVersionIsNotifiedAgainAndEnglishUsersReadEnglish() {
        RecordingNotifier notifier = new RecordingNotifier();
        DeviceEngine e = engine(config().withAppVersion("1.2.0-beta").withLocale(Locale.UK),
                SqliteDeviceStorage.inMemory(), notifier, server);
        for (String min : List.of("1.3.0", "1.3.0", "1.3", "2.0.0")) {
            server.serveSigned(SignedConfigServer.document(4, 300, min));
            assertTrue(e.refreshConfiguration().updateRequired(), min);
        }
        assertEquals(List.of("1.3.0", "2.0.0"),
                notifier.updates().stream().map(u -> u.update().minimumAppVersion().text()).toList(),
                "once per required version (1.3 is 1.3.0)");
        RecordingNotifier.ShownUpdate en = notifier.updates().get(1);
        assertEquals("Please update Bluezone", en.title());
        assertTrue(en.body().contains("(version 1.2.0-beta)") && en.body().contains("version 2.0.0 or later"),
                en.body());

        server.serveSigned(SignedConfigServer.document(4, 300, "1.0.0"));
        assertFalse(e.refreshConfiguration().updateRequired(), "the server lowered its minimum");
        server.serveSigned(SignedConfigServer.document(4, 300, null));
        ConfigurationRefresh none = e.refreshConfiguration();
        assertFalse(none.updateRequired());
        assertNull(none.minimumAppVersion(), "no minimum any more");
    }

    @Test
    void aMalformedMinimumVersionIsRefusedAndTheEngineVersionIsTheDefault() {
        assertEquals(DeviceEngine.VERSION, config().appVersion());
        RecordingNotifier notifier = new RecordingNotifier();
        DeviceEngine e = engine(config(), SqliteDeviceStorage.inMemory(), notifier, server);
        server.serveSigned(SignedConfigServer.document(4, 300, "1.0.0"));
        assertFalse(e.refreshConfiguration().updateRequired(), "the server's default minimum is met by default");
        server.serveSigned(SignedConfigServer.document(4, 300, "latest"));
        ConfigurationRefresh r = e.refreshConfiguration();
        assertEquals(List.of("minimumAppVersion: not an app version (like 1.2.0): \"latest\"; keeping 1.0.0"),
                r.notApplied());
        assertEquals("1.0.0", r.minimumAppVersion());
        assertEquals(List.of(), notifier.updates());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> config().withAppVersion("v2"));
    }

    @Test
    void theHealthHotlineIsKeptFromAVerifiedDocumentOnly() {
        DeviceEngine e = engine(config(), SqliteDeviceStorage.inMemory(), new RecordingNotifier(), server);
        String base = SignedConfigServer.document(4, 300, "1.0.0");
        server.serveSigned(base);
        assertNull(e.refreshConfiguration().healthHotline(), "an older server sends none: the app shows its own");
        String withHotline = base.substring(0, base.length() - 1) + ",\"health\":{\"hotline\":\"0232 3822 123\"}}";
        server.serveSigned(withHotline);
        assertEquals("0232 3822 123", e.refreshConfiguration().healthHotline());
        server.serveSigned(base.substring(0, base.length() - 1) + ",\"health\":{\"hotline\":\"call us\"}}");
        ConfigurationRefresh bad = e.refreshConfiguration();
        assertEquals(List.of("health.hotline: not a phone number; keeping the last one"), bad.notApplied());
        assertEquals("0232 3822 123", bad.healthHotline());
        server.serve(SignedConfigServer.signWith(P256Keys.generate(),
                base.substring(0, base.length() - 1) + ",\"health\":{\"hotline\":\"1900 0000\"}}"));
        assertEquals("0232 3822 123", e.refreshConfiguration().healthHotline(), "a foreign-signed one changes nothing");
        server.serveSigned(base);
        assertEquals("0232 3822 123", e.refreshConfiguration().healthHotline(), "kept while the server sends none");
    }
}
