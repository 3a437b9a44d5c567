package vn.bluezone.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.bluezone.device.DeviceConfig;
import vn.bluezone.device.calibration.CalibrationTable;
import vn.bluezone.device.port.KeyServerClient;
import vn.bluezone.device.scan.DutyCycle;
import vn.bluezone.device.store.ScanRecord;
import vn.bluezone.device.store.Sighting;
import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.crypto.TekKeys;

class SimulatedWorldScanTest {
    private static final Instant T0 = Instant.parse("2021-07-19T08:00:00Z");
    private static final CalibrationTable TABLE = CalibrationTable.shipped();

    private static final String EXPORT_KEY = vn.bluezone.protocol.export.P256Keys.toPem(
            vn.bluezone.protocol.export.P256Keys.generate().getPublic());

    private static DeviceConfig config(String maker, String model) {
        return DeviceConfig.of("VN", TABLE.lookup(maker, model), EXPORT_KEY);
    }

    @Test
    void dutyCycledScansStoreSightingsOfTheNeighboursRotatingRpis() {
        SimulatedWorld world = new SimulatedWorld(RadioModel.defaults(), 11, T0);
        SimulatedWorld.Phone a = world.addPhone("A", config("google", "Pixel 4"), Trajectory.fixed(0, 0),
                Duration.ZERO, KeyServerClient.offline());
        SimulatedWorld.Phone b = world.addPhone("B", config("samsung", "SM-A505F"), Trajectory.fixed(1.5, 0),
                Duration.ZERO, KeyServerClient.offline());
        world.runUntil(T0.plus(Duration.ofHours(1)), Duration.ofSeconds(5));

        List<ScanRecord> scans = b.engine().storage().scansBetween(T0, T0.plus(Duration.ofHours(1)));
        assertEquals(12, scans.size(), "a 4 s scan every 5 minutes");
        scans.forEach(s -> assertEquals(Duration.ofSeconds(4), s.duration()));
        List<Sighting> seen = b.engine().storage().sightingsBetween(T0, T0.plus(Duration.ofHours(1)));
        assertTrue(seen.size() >= 11, "B hears A in (nearly) every scan at 1.5 m: " + seen.size());
        // Every RPI B heard is one A derived from its stored daily key for the interval it was heard in (no skew).
        TemporaryExposureKey aKey = a.engine().storage().latestKey().orElseThrow();
        TekKeys derived = TekKeys.derive(aKey);
        Set<String> distinct = new HashSet<>();
        for (Sighting s : seen) {
            long interval = EnIntervalNumber.of(s.seenAt());
            assertEquals(HexFormat.of().formatHex(derived.rpik().rpi(interval).bytes()),
                    HexFormat.of().formatHex(s.rpi()));
            distinct.add(HexFormat.of().formatHex(s.rpi()));
            assertTrue(s.packets() >= 1 && s.packets() <= 17, "packets in 4 s: " + s.packets());
            assertTrue(s.rssiMax() >= s.rssiTypical());
        }
        assertEquals(6, distinct.size(), "one RPI per 10 minutes");
    }

    @Test
    void the2020BluezoneDutyCycleHearsTenTimesMorePackets() {
        SimulatedWorld world = new SimulatedWorld(RadioModel.ideal(), 5, T0);
        world.addPhone("A", config("google", "Pixel 4"), Trajectory.fixed(0, 0), Duration.ZERO, KeyServerClient.offline());
        SimulatedWorld.Phone b = world.addPhone("B", config("google", "Pixel 4").withDutyCycle(DutyCycle.bluezone2020()),
                Trajectory.fixed(1, 0), Duration.ZERO, KeyServerClient.offline());
        world.runUntil(T0.plus(Duration.ofMinutes(30)), Duration.ofSeconds(5));
        List<Sighting> seen = b.engine().storage().sightingsBetween(T0, T0.plus(Duration.ofHours(1)));
        int packets = seen.stream().mapToInt(Sighting::packets).sum();
        // 5 or 6 scans in 30 minutes (random phase) of 40 s at 250-260 ms: about 155 packets each.
        int n = b.engine().storage().scansBetween(T0, T0.plus(Duration.ofHours(1))).size();
        assertTrue(n == 5 || n == 6, "scans " + n);
        assertEquals(n, seen.size());
        assertTrue(packets > n * 150 && packets < n * 161, "packets " + packets);
    }

    @Test
    void sameSeedSameSightings() {
        assertEquals(run(3), run(3));
    }

    private List<String> run(long seed) {
        SimulatedWorld world = new SimulatedWorld(RadioModel.defaults(), seed, T0);
        world.addPhone("A", config("google", "Pixel 4"), Trajectory.fixed(0, 0), Duration.ZERO, KeyServerClient.offline());
        SimulatedWorld.Phone b = world.addPhone("B", config("oppo", "CPH1803"), Trajectory.fixed(3, 0),
                Duration.ZERO, KeyServerClient.offline());
        world.runUntil(T0.plus(Duration.ofMinutes(30)), Duration.ofSeconds(5));
        return b.engine().storage().sightingsBetween(T0, T0.plus(Duration.ofHours(1))).stream()
                .map(Sighting::toString).toList();
    }
}
