package vn.bluezone.protocol.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.bluezone.protocol.risk.RiskTestData.T0;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.crypto.BluetoothMetadata;

class ExposureWindowBuilderTest {
    /** AEM metadata 40 08 00 00 (the default in `bluezone crypto rpi`) carries a TX power of 8 dBm. */
    private static final int TX = 8;
    private final ExposureWindowBuilder builder = ExposureWindowBuilder.forDevice(0);

    private static Sighting at(int secondsAfterT0, int rssi) {
        return new Sighting(T0.plusSeconds(secondsAfterT0), rssi, TX);
    }

    private List<ExposureWindow> build(List<Sighting> sightings) {
        return builder.build(sightings, ReportType.CONFIRMED_TEST, Infectiousness.STANDARD);
    }

    @Test
    void attenuationIsTxPowerMinusCorrectedRssi() {
        assertEquals(58, at(0, -50).attenuationDb(0));          // 8 - (-50 + 0)
        assertEquals(58, at(0, -55).attenuationDb(5));          // 8 - (-55 + 5)
        assertEquals(68, at(0, -55).attenuationDb(-5));         // 8 - (-55 - 5)
        assertEquals(0, Sighting.at(0, 20, -20).attenuationDb(0));     // -40 clamps to 0
        assertEquals(255, Sighting.at(0, -127, 127).attenuationDb(-100)); // 354 clamps to 255
    }

    @Test
    void txPowerComesFromTheDecryptedMetadata() {
        BluetoothMetadata metadata = BluetoothMetadata.ofHex("40080000");
        assertEquals(8, Sighting.of(T0, -50, metadata).txPowerDbm());
        assertEquals(58, Sighting.of(T0, -50, metadata).attenuationDb(0));
    }

    @Test
    void correctionOfTheReceivingDeviceIsApplied() {
        List<ExposureWindow> w = ExposureWindowBuilder.forDevice(5).build(List.of(at(0, -55)),
                ReportType.CONFIRMED_TEST, Infectiousness.STANDARD);
        assertEquals(58, w.get(0).scanInstances().get(0).typicalAttenuationDb());
    }

    @Test
    void sightingsWithinTwentySecondsFormOneScanWithMeanAndMinimum() {
        // attenuations 58, 60, 61: mean 59.67 -> 60, minimum 58; the sighting 21 s after the first opens a scan
        List<ExposureWindow> w = build(List.of(at(0, -50), at(4, -52), at(20, -53), at(21, -40)));
        assertEquals(1, w.size());
        List<ScanInstance> scans = w.get(0).scanInstances();
        assertEquals(List.of(new ScanInstance(60, 58, 300), new ScanInstance(48, 48, 21)), scans);
    }

    @Test
    void typicalAttenuationRoundsHalvesUp() {
        // attenuations 58 and 59: mean 58.5 -> 59
        assertEquals(new ScanInstance(59, 58, 300), build(List.of(at(0, -50), at(1, -51))).get(0).scanInstances().get(0));
        // attenuations 58, 58, 59: mean 58.33 -> 58
        assertEquals(58, build(List.of(at(0, -50), at(1, -50), at(2, -51))).get(0).scanInstances().get(0)
                .typicalAttenuationDb());
    }

    @Test
    void secondsSinceLastScanIsTheGapCappedAtTheScanInterval() {
        // scans at 0, 300, 500, 2000 s: 300 (first scan stands for one interval), 300, 200, min(1500, 300)
        List<ExposureWindow> w = build(List.of(at(0, -50), at(300, -50), at(500, -50), at(2000, -50)));
        assertEquals(2, w.size(), "2000 s is past the first window's 30 minutes");
        assertEquals(List.of(300, 300, 200), seconds(w.get(0)));
        assertEquals(List.of(300), seconds(w.get(1)));
        assertEquals(T0.plusSeconds(2000), w.get(1).start());
    }

    @Test
    void aWindowHoldsScansStartingWithin1799SecondsOfItsFirst() {
        List<ExposureWindow> same = build(List.of(at(0, -50), at(300, -50), at(1799, -50)));
        assertEquals(1, same.size());
        assertEquals(List.of(300, 300, 300), seconds(same.get(0)));

        List<ExposureWindow> split = build(List.of(at(0, -50), at(300, -50), at(1800, -50)));
        assertEquals(2, split.size());
        assertEquals(List.of(300, 300), seconds(split.get(0)));
        assertEquals(List.of(300), seconds(split.get(1)));
    }

    @Test
    void fortyMinutesOfContactGiveTwoWindowsWithoutLosingTime() {
        List<Sighting> s = new ArrayList<>();
        for (int t = 0; t <= 2400; t += 300) {
            s.add(at(t, -50));
        }
        List<ExposureWindow> w = build(s);
        assertEquals(2, w.size());
        assertEquals(6, w.get(0).scanInstances().size()); // 0 .. 1500
        assertEquals(3, w.get(1).scanInstances().size()); // 1800, 2100, 2400
        assertEquals(2700, w.get(0).durationSeconds() + w.get(1).durationSeconds());
    }

    @Test
    void windowsSplitAtUtcMidnight() {
        Instant midnight = Instant.parse("2021-08-03T00:00:00Z");
        List<ExposureWindow> w = build(List.of(new Sighting(midnight.minusSeconds(100), -50, TX),
                new Sighting(midnight.plusSeconds(100), -50, TX)));
        assertEquals(2, w.size());
        assertEquals(LocalDate.parse("2021-08-02"), w.get(0).day());
        assertEquals(LocalDate.parse("2021-08-03"), w.get(1).day());
        assertEquals(List.of(200), seconds(w.get(1)));
    }

    @Test
    void noSightingsNoWindows() {
        assertTrue(build(List.of()).isEmpty());
    }

    @Test
    void sightingsOutOfOrderAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> build(List.of(at(10, -50), at(5, -50))));
        assertEquals("sightings must be in time order: sighting 1 at 2021-08-02T08:00:05Z is before sighting 0",
                e.getMessage());
    }

    @Test
    void keyMetadataGoesThroughTheConfiguration() {
        RiskConfiguration config = RiskConfiguration.vietnamDefault();
        TemporaryExposureKey unknown = new TemporaryExposureKey(new byte[16], 2_700_000, 144, 0,
                ReportType.UNKNOWN, null);
        ExposureWindow w = builder.build(List.of(at(0, -50)), unknown, config).get(0);
        assertEquals(ReportType.CONFIRMED_TEST, w.reportType(), "unknown report type -> reportTypeWhenMissing");
        assertEquals(Infectiousness.STANDARD, w.infectiousness(), "no onset -> infectiousnessWhenDaysSinceOnsetMissing");

        TemporaryExposureKey late = new TemporaryExposureKey(new byte[16], 2_700_000, 144, 0,
                ReportType.RECURSIVE, 15);
        ExposureWindow w2 = builder.build(List.of(at(0, -50)), late, config).get(0);
        assertEquals(ReportType.RECURSIVE, w2.reportType());
        assertEquals(Infectiousness.NONE, w2.infectiousness(), "15 days after onset is beyond the map");
    }

    @Test
    void parametersAreValidated() {
        assertEquals("scanGroupingSeconds must be in 0..299 (below scanIntervalSeconds), was 300",
                assertThrows(IllegalArgumentException.class, () -> builder.withScanGroupingSeconds(300)).getMessage());
        assertEquals("rssiCorrectionDb must be in -100..100, was 101",
                assertThrows(IllegalArgumentException.class, () -> ExposureWindowBuilder.forDevice(101)).getMessage());
        assertEquals("rssiDbm must be in -127..20, was 21",
                assertThrows(IllegalArgumentException.class, () -> Sighting.at(0, 21, 8)).getMessage());
    }

    @Test
    void otherScanPeriodsAreHonoured() {
        ExposureWindowBuilder everyThreeMinutes = builder.withScanIntervalSeconds(180).withScanGroupingSeconds(5);
        // 0 and 3 s: one scan; 6 s: new scan (6 > 5); 1000 s: capped to 180
        List<ExposureWindow> w = everyThreeMinutes.build(List.of(at(0, -50), at(3, -50), at(6, -50), at(1000, -50)),
                ReportType.CONFIRMED_TEST, Infectiousness.STANDARD);
        assertEquals(List.of(180, 6, 180), seconds(w.get(0)));
    }

    private static List<Integer> seconds(ExposureWindow w) {
        return w.scanInstances().stream().map(ScanInstance::secondsSinceLastScan).toList();
    }
}
