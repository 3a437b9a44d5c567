package vn.bluezone.device.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.bluezone.device.radio.Advertisement;
import vn.bluezone.device.sim.SimulatedClock;
import vn.bluezone.device.store.SqliteDeviceStorage;
import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.crypto.AssociatedEncryptedMetadata;
import vn.bluezone.protocol.crypto.BluetoothMetadata;
import vn.bluezone.protocol.crypto.RollingProximityIdentifier;
import vn.bluezone.protocol.crypto.TekKeys;

class KeyRotationTest {
    private static final Instant T0 = Instant.parse("2021-07-19T23:00:00Z");

    @Test
    void rpiAndAddressChangeEveryTenMinutesAndTheKeyAtUtcMidnight() {
        SimulatedClock clock = new SimulatedClock(T0);
        try (SqliteDeviceStorage db = SqliteDeviceStorage.inMemory()) {
            KeyRotation rotation = new KeyRotation(db, clock, new SecureRandom(), -30);
            Set<String> rpis = new HashSet<>();
            Set<Object> addresses = new HashSet<>();
            int changes = 0;
            // Two hours in 1-minute steps across midnight: 12 intervals, so 12 advertisements.
            for (int m = 0; m < 120; m++) {
                KeyRotation.Rotation r = rotation.refresh();
                if (r.changed()) {
                    changes++;
                    assertTrue(rpis.add(java.util.HexFormat.of().formatHex(r.advertisement().rpi())));
                    assertTrue(addresses.add(r.advertisement().address()));
                    int top = (r.advertisement().address().bytes()[0] & 0xC0);
                    assertEquals(0, top, "non-resolvable private address");
                }
                assertEquals(m == 60, r.newDailyKey() && m > 0, "new daily key only at midnight, minute " + m);
                checkAgainstProtocol(db.keysEndingAfter(0), rotation.current(), EnIntervalNumber.of(clock.instant()));
                clock.advance(Duration.ofMinutes(1));
            }
            assertEquals(12, changes);
            List<TemporaryExposureKey> keys = db.keysEndingAfter(0);
            assertEquals(2, keys.size());
            for (TemporaryExposureKey k : keys) {
                assertEquals(0, k.rollingStartIntervalNumber() % 144, "daily key starts at a UTC day boundary");
                assertEquals(144, k.rollingPeriod());
            }
            assertEquals(EnIntervalNumber.of(Instant.parse("2021-07-20T00:00:00Z")),
                    keys.get(1).rollingStartIntervalNumber());
        }
    }

    /** The advertisement is exactly RPI_j and AEM_j of the stored key for interval j, with tx power -30 dBm. */
    private static void checkAgainstProtocol(List<TemporaryExposureKey> keys, Advertisement adv, long interval) {
        TemporaryExposureKey k = keys.stream().filter(x -> interval >= x.rollingStartIntervalNumber()
                && interval < x.rollingEndIntervalNumber()).reduce((a, b) -> b).orElseThrow();
        TekKeys derived = TekKeys.derive(k);
        RollingProximityIdentifier rpi = derived.rpik().rpi(interval);
        assertArrayEquals(rpi.bytes(), adv.rpi());
        BluetoothMetadata md = derived.aemk().decrypt(rpi, AssociatedEncryptedMetadata.of(adv.aem()));
        assertEquals(-30, md.txPowerDbm());
        assertEquals(0x40, md.bytes()[0] & 0xFF);
        assertEquals(20, adv.serviceData().length);
    }

    @Test
    void aRestartedPhoneKeepsTodaysKey() {
        SimulatedClock clock = new SimulatedClock(T0);
        try (SqliteDeviceStorage db = SqliteDeviceStorage.inMemory()) {
            Advertisement before = new KeyRotation(db, clock, new SecureRandom(), -25).refresh().advertisement();
            Advertisement after = new KeyRotation(db, clock, new SecureRandom(), -25).refresh().advertisement();
            assertArrayEquals(before.rpi(), after.rpi());
            assertNotEquals(before.address(), after.address());
            assertEquals(1, db.keysEndingAfter(0).size());
        }
    }

    @Test
    void freshKeyAfterReportEndsTheOldOneNow() {
        Instant t = Instant.parse("2021-07-20T10:05:00Z");
        SimulatedClock clock = new SimulatedClock(t);
        try (SqliteDeviceStorage db = SqliteDeviceStorage.inMemory()) {
            KeyRotation rotation = new KeyRotation(db, clock, new SecureRandom(), -25);
            Advertisement old = rotation.refresh().advertisement();
            TemporaryExposureKey shortened = rotation.startFreshKey();
            long now = EnIntervalNumber.of(t);
            assertEquals(now - EnIntervalNumber.dayStart(now) + 1, shortened.rollingPeriod());
            KeyRotation.Rotation r = rotation.refresh();
            assertTrue(r.changed());
            assertFalse(java.util.Arrays.equals(old.rpi(), r.advertisement().rpi()));
            TemporaryExposureKey fresh = db.latestKey().orElseThrow();
            assertEquals(now, fresh.rollingStartIntervalNumber());
            assertEquals(EnIntervalNumber.dayStart(now) + 144, fresh.rollingEndIntervalNumber());
            assertArrayEquals(TekKeys.derive(fresh).rpik().rpi(now).bytes(), r.advertisement().rpi());
        }
    }
}
