package vn.bluezone.server.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.bluezone.api.registry.DeviceRegistration;
import vn.bluezone.api.registry.Heartbeat;
import vn.bluezone.api.registry.RegisteredDevice;
import vn.bluezone.server.statistics.UnitFigures;
import vn.bluezone.server.statistics.UnitStatistics;
import vn.bluezone.server.problem.DomainException;
import vn.bluezone.server.web.ErrorStatus;

class DeviceRegistryTest extends RegistryTestSupport {
    // Days of their own (March 2022) so other test classes' counters in the shared database do not interfere.
    static final LocalDate DAY0 = LocalDate.of(2022, 3, 1);

    @Autowired
    DeviceRegistry registry;
    @Autowired
    RegistryClock clock;
    @Autowired
    vn.bluezone.server.support.MutableClock time;
    @Autowired
    UnitStatistics statistics;
    @Autowired
    Villages villages;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void at0() {
        at(DAY0, 9);
    }

    @AfterEach
    void systemClock() {
        time.set(java.time.Instant.now());
    }

    void at(LocalDate day, int hour) {
        time.set(day.atTime(hour, 0).atZone(clock.zone()).toInstant());
    }

    @Test
    void registrationReturnsCodesAndStoresOnlyTheSecretHash() {
        RegisteredDevice d = registry.register(new DeviceRegistration("Android", "4.0.1", "Pixel 7", "19870", null,
                null, "CHO-QUANG-NGAN"));
        assertTrue(d.deviceId().matches("[0-9a-f-]{36}"));
        assertTrue(ShortCodes.isCode(d.installCode(), 8), d.installCode());
        assertTrue(ShortCodes.isCode(d.referralCode(), 7), d.referralCode());
        assertTrue(d.deviceSecret().length() >= 43);
        String stored = jdbc.queryForObject("SELECT secret_hash FROM device WHERE id = ?", String.class, d.deviceId());
        assertNotEquals(d.deviceSecret(), stored);
        assertEquals(ShortCodes.hash(d.deviceSecret()), stored);
        assertEquals("CHO-QUANG-NGAN", jdbc.queryForObject("SELECT place_code FROM device WHERE id = ?",
                String.class, d.deviceId()));
        // a referral by this install is recorded on the new one
        RegisteredDevice friend = registry.register(new DeviceRegistration("ios", "4.0.1", null, "19870", null,
                d.referralCode().toLowerCase(), null));
        assertEquals(d.referralCode(), jdbc.queryForObject("SELECT referred_by FROM device WHERE id = ?",
                String.class, friend.deviceId()));
    }

    @Test
    void badRegistrationsGetStableCodes() {
        AdministrativeUnit village = villages.create("19873", "thon", "Thôn Test " + System.nanoTime(), "test");
        long villageId = AdministrativeUnit.villageId(village.code());
        assertCode("BAD_PLATFORM", () -> registry.register(new DeviceRegistration("symbian", "1", null, null, null, null, null)));
        assertCode("BAD_APP_VERSION", () -> registry.register(new DeviceRegistration("ios", null, null, null, null, null, null)));
        assertCode("UNKNOWN_COMMUNE", () -> registry.register(new DeviceRegistration("ios", "1", null, "477", null, null, null)));
        assertCode("UNKNOWN_COMMUNE", () -> registry.register(new DeviceRegistration("ios", "1", null, "99999", null, null, null)));
        assertCode("UNKNOWN_VILLAGE", () -> registry.register(new DeviceRegistration("ios", "1", null, null, 987654L, null, null)));
        assertCode("VILLAGE_NOT_IN_COMMUNE", () -> registry.register(new DeviceRegistration("ios", "1", null, "19876", villageId, null, null)));
        assertCode("UNKNOWN_REFERRAL_CODE", () -> registry.register(new DeviceRegistration("ios", "1", null, null, null, "ZZZZZZZ", null)));
        assertCode("BAD_PLACE_CODE", () -> registry.register(new DeviceRegistration("ios", "1", null, null, null, null, "a b")));
        // a village alone places the device in the village's commune
        RegisteredDevice d = registry.register(new DeviceRegistration("ios", "1", null, null, villageId, null, null));
        assertEquals("19873", jdbc.queryForObject("SELECT commune_code FROM device WHERE id = ?", String.class, d.deviceId()));
    }

    @Test
    void heartbeatNeedsTheDeviceSecret() {
        RegisteredDevice d = registry.register(new DeviceRegistration("ios", "1", null, "19870", null, null, null));
        assertCode("DEVICE_AUTH_REQUIRED", () -> registry.heartbeat(d.deviceId(), null, new Heartbeat(true, "1")));
        assertCode("BAD_DEVICE_CREDENTIALS", () -> registry.heartbeat(d.deviceId(), "wrong", new Heartbeat(true, "1")));
        assertCode("BAD_DEVICE_CREDENTIALS", () -> registry.heartbeat("not-a-device", d.deviceSecret(), new Heartbeat(true, "1")));
        assertCode("BAD_HEARTBEAT", () -> registry.heartbeat(d.deviceId(), d.deviceSecret(), new Heartbeat(null, "1")));
        DomainException e = assertThrows(DomainException.class, () -> registry.heartbeat(d.deviceId(), "x", new Heartbeat(true, "1")));
        assertEquals(HttpStatus.UNAUTHORIZED, ErrorStatus.of(e));
    }

    @Test
    void heartbeatsCountAtMostDailyAndFeedActiveWindows() {
        // a commune of Quảng Điền that no other test uses
        RegisteredDevice d = registry.register(new DeviceRegistration("android", "1", null, "19879", null, null, null));
        UnitFigures before = statistics.figures("19879", DAY0);
        assertEquals(0, before.active1d());

        assertTrue(registry.heartbeat(d.deviceId(), d.deviceSecret(), new Heartbeat(true, "1.1")).counted());
        at(DAY0, 18);
        assertFalse(registry.heartbeat(d.deviceId(), d.deviceSecret(), new Heartbeat(true, "1.1")).counted());
        UnitFigures f = statistics.figures("19879", DAY0);
        assertEquals(1, f.active1d());
        assertEquals(1, f.bluetoothOn());
        // Bluetooth switched off later that day: the day's share follows the latest state
        registry.heartbeat(d.deviceId(), d.deviceSecret(), new Heartbeat(false, null));
        assertEquals(0, statistics.figures("19879", DAY0).bluetoothOn());
        assertEquals(1, statistics.figures("19879", DAY0).active1d());

        at(DAY0.plusDays(3), 8);
        assertTrue(registry.heartbeat(d.deviceId(), d.deviceSecret(), new Heartbeat(true, null)).counted());
        at(DAY0.plusDays(12), 8);
        assertTrue(registry.heartbeat(d.deviceId(), d.deviceSecret(), new Heartbeat(true, null)).counted());
        // seen on days 0, 3 and 12: active in the last 7 days on days 0..9 and 12..18
        for (int i = 0; i < 20; i++) {
            long expected = (i <= 9 || (i >= 12 && i <= 18)) ? 1 : 0;
            assertEquals(expected, statistics.figures("19879", DAY0.plusDays(i)).active7d(), "day " + i);
            assertEquals(i == 0 || i == 3 || i == 12 ? 1 : 0, statistics.figures("19879", DAY0.plusDays(i)).active1d(), "day " + i);
        }
        // the same counts reach every ancestor
        assertEquals(1, statistics.figures("477", DAY0.plusDays(5)).active7d());
        assertEquals(1, statistics.figures("VN", DAY0.plusDays(12)).active1d());
    }

    @Test
    void aRepeatedInstallationIdReturnsTheSameDeviceAndNeverCountsAgain() {
        LocalDate day = DAY0.plusDays(40); // a day of its own
        at(day, 9);
        // installs() is the running total up to the day: compare with the totals before.
        long before70 = statistics.figures("19870", day).installs();
        long before73 = statistics.figures("19873", day).installs();
        String installation = "3F2B8C1E-5D4A-4B6F-9E21-7C0D8A9B1F34";
        DeviceRegistration r = new DeviceRegistration("android", "4.0.1", null, "19870", null, null, null,
                installation);
        RegistrationOutcome first = registry.registerOnce(r, null);
        assertTrue(first.created());
        assertEquals(before70 + 1, statistics.figures("19870", day).installs());
        assertEquals(ShortCodes.hash(installation.toLowerCase()), jdbc.queryForObject(
                "SELECT installation_hash FROM device WHERE id = ?", String.class, first.device().deviceId()));

        // The first answer was lost: the app retries (same id, in another letter case, with another commune).
        at(day, 10);
        RegistrationOutcome retry = registry.registerOnce(new DeviceRegistration("android", "4.0.1", null, "19873",
                null, null, null, installation.toLowerCase()), null);
        assertFalse(retry.created());
        assertEquals(first.device().deviceId(), retry.device().deviceId());
        assertEquals(first.device().installCode(), retry.device().installCode());
        assertEquals(first.device().referralCode(), retry.device().referralCode());
        assertNotEquals(first.device().deviceSecret(), retry.device().deviceSecret());
        assertCode("BAD_DEVICE_CREDENTIALS", () -> registry.heartbeat(first.device().deviceId(),
                first.device().deviceSecret(), new Heartbeat(true, null)));
        assertTrue(registry.heartbeat(retry.device().deviceId(), retry.device().deviceSecret(),
                new Heartbeat(true, null)).counted());

        // Once the secret was used, only the secret gets the codes back; the repeat never counts.
        assertCode("ALREADY_REGISTERED", () -> registry.registerOnce(r, null));
        assertCode("BAD_DEVICE_CREDENTIALS", () -> registry.registerOnce(r, "not-the-secret"));
        RegistrationOutcome withSecret = registry.registerOnce(r, retry.device().deviceSecret());
        assertFalse(withSecret.created());
        assertEquals(retry.device(), withSecret.device());
        assertEquals(before70 + 1, statistics.figures("19870", day).installs());
        assertEquals(before73, statistics.figures("19873", day).installs());
        assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM device WHERE installation_hash = ?", Integer.class,
                ShortCodes.hash(installation.toLowerCase())));
        assertCode("BAD_INSTALLATION_ID", () -> registry.registerOnce(new DeviceRegistration("ios", "1", null, null,
                null, null, null, "not-a-uuid"), null));
    }

    @Test
    void withoutAHeartbeatTheRetryWindowClosesAfterADay() {
        LocalDate day = DAY0.plusDays(50);
        at(day, 9);
        long before = statistics.figures("19870", day).installs();
        DeviceRegistration r = new DeviceRegistration("ios", "1", null, "19870", null, null, null,
                "0b6d7c1a-93e4-4f0e-8a55-2c7d9e4b1a60");
        assertTrue(registry.registerOnce(r, null).created());
        at(day.plusDays(1), 8);
        assertFalse(registry.registerOnce(r, null).created());
        at(day.plusDays(1), 10);
        assertCode("ALREADY_REGISTERED", () -> registry.registerOnce(r, null));
        assertEquals(before + 1, statistics.figures("19870", day).installs());
        assertEquals(before + 1, statistics.figures("19870", day.plusDays(1)).installs());
    }

    static void assertCode(String code, Runnable r) {
        DomainException e = assertThrows(DomainException.class, r::run);
        assertEquals(code, e.code(), e.getMessage());
    }
}
