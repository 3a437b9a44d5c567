package vn.bluezone.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.bluezone.device.calibration.CalibrationTable;
import vn.bluezone.device.calibration.DeviceCalibration;
import vn.bluezone.device.port.ScanListener;
import vn.bluezone.device.radio.Advertisement;
import vn.bluezone.device.radio.BluetoothAddress;
import vn.bluezone.device.radio.ReceivedPacket;

class SimulatedRadioTest {
    private static final Instant T0 = Instant.parse("2021-07-01T08:00:00Z");
    private final DeviceCalibration pixel4 = CalibrationTable.shipped().lookup("google", "Pixel 4");
    private final DeviceCalibration a50 = CalibrationTable.shipped().lookup("samsung", "SM-A505F");

    private static Advertisement beacon(int fill) {
        byte[] rpi = new byte[16];
        java.util.Arrays.fill(rpi, (byte) fill);
        return new Advertisement(BluetoothAddress.of(new byte[] {1, 2, 3, 4, 5, (byte) fill}), rpi, new byte[4]);
    }

    private static List<ReceivedPacket> scan(SimulatedRadio.Node node, Duration window) {
        List<ReceivedPacket> got = new ArrayList<>();
        node.scanner().scan(window, new ScanListener() {
            @Override
            public void onPacket(ReceivedPacket p) {
                got.add(p);
            }

            @Override
            public void onScanFinished() {
            }
        });
        return got;
    }

    @Test
    void idealChannelGivesTxMinusPathLossMinusReceiverBias() {
        SimulatedClock clock = new SimulatedClock(T0);
        SimulatedRadio radio = new SimulatedRadio(RadioModel.ideal(), 1, clock);
        SimulatedRadio.Node tx = radio.join("tx", pixel4, Trajectory.fixed(0, 0));
        SimulatedRadio.Node rx = radio.join("rx", a50, Trajectory.fixed(2, 0));
        tx.advertiser().advertise(beacon(7));
        List<ReceivedPacket> got = scan(rx, Duration.ofSeconds(4));
        // 4 s at 250-260 ms per advertising event: 15 or 16 packets, none lost on an ideal channel.
        assertTrue(got.size() >= 15 && got.size() <= 16, "packets " + got.size());
        long expected = Math.round(-30 - RadioModel.ideal().pathLossDb(2.0) - 0);
        for (ReceivedPacket p : got) {
            assertEquals(expected, p.rssi());
            assertEquals(0xFD6F, p.serviceUuid16());
            assertEquals(20, p.serviceData().length);
        }
        // Attenuation as the receiver computes it equals the path loss: tx - (rssi + correction).
        assertEquals(Math.round(RadioModel.ideal().pathLossDb(2.0)), -30 - (got.get(0).rssi() + a50.rssiCorrection()));
    }

    @Test
    void sameSeedSameResultsWhateverTheOrder() {
        List<Integer> first = run(42, false);
        List<Integer> again = run(42, true);
        assertEquals(first, again);
        assertNotEquals(first, run(43, false));
    }

    private List<Integer> run(long seed, boolean otherOrder) {
        SimulatedClock clock = new SimulatedClock(T0);
        SimulatedRadio radio = new SimulatedRadio(RadioModel.defaults(), seed, clock);
        SimulatedRadio.Node a = radio.join("a", pixel4, Trajectory.fixed(0, 0));
        SimulatedRadio.Node b = radio.join("b", a50, Trajectory.fixed(1.5, 0));
        a.advertiser().advertise(beacon(1));
        b.advertiser().advertise(beacon(2));
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            List<ReceivedPacket> fromB = otherOrder ? null : scan(a, Duration.ofSeconds(4));
            List<ReceivedPacket> fromA = scan(b, Duration.ofSeconds(4));
            if (otherOrder) {
                fromB = scan(a, Duration.ofSeconds(4));
            }
            fromB.forEach(p -> out.add(p.rssi()));
            out.add(Integer.MIN_VALUE);
            fromA.forEach(p -> out.add(p.rssi()));
            clock.advance(Duration.ofMinutes(5));
        }
        return out;
    }

    @Test
    void shadowingHasTheConfiguredSpreadAndLossTheConfiguredRate() {
        SimulatedClock clock = new SimulatedClock(T0);
        RadioModel d = RadioModel.defaults();
        // Sensitivity far below the signal so that no weak packet is cut off and biases the statistics.
        RadioModel model = new RadioModel(d.referenceLossDb(), d.pathLossExponent(), d.shadowingSigmaDb(),
                d.shadowingCoherence(), d.fastFadingSigmaDb(), d.packetLossProbability(), -160,
                d.advertisingInterval());
        SimulatedRadio radio = new SimulatedRadio(model, 7, clock);
        SimulatedRadio.Node tx = radio.join("tx", pixel4, Trajectory.fixed(0, 0));
        SimulatedRadio.Node rx = radio.join("rx", pixel4, Trajectory.fixed(3, 0));
        tx.advertiser().advertise(beacon(3));
        List<Integer> rssi = new ArrayList<>();
        int sent = 0;
        for (int i = 0; i < 2000; i++) {
            rssi.addAll(scan(rx, Duration.ofSeconds(4)).stream().map(ReceivedPacket::rssi).toList());
            sent += 16;
            clock.advance(Duration.ofMinutes(5));
        }
        double mean = rssi.stream().mapToInt(Integer::intValue).average().orElseThrow();
        double var = rssi.stream().mapToDouble(r -> (r - mean) * (r - mean)).sum() / (rssi.size() - 1);
        double expectedMean = -30 - model.pathLossDb(3.0) - 8;
        // The encounter model at σ 8 (as fitted): poses, encounter shadow and scan fading, plus 3 dB per packet.
        double slow2 = 2 * Pose.varianceDb2() + Math.pow(Environment.ROOM.encounterSigmaDb(), 2)
                + Math.pow(Environment.ROOM.scanSigmaDb(), 2);
        double expectedSd = Math.sqrt(slow2 + 3 * 3);
        assertEquals(expectedMean, mean, 1.0, "mean RSSI");
        assertEquals(expectedSd, Math.sqrt(var), 0.8, "RSSI spread");
        double received = rssi.size() / (double) sent;
        assertEquals(0.90, received, 0.03, "share of packets received with 10 % loss");
    }

    @Test
    void farPhonesAreNotHeardAndSilentPhonesNeither() {
        SimulatedClock clock = new SimulatedClock(T0);
        SimulatedRadio radio = new SimulatedRadio(RadioModel.defaults(), 3, clock);
        SimulatedRadio.Node tx = radio.join("tx", pixel4, Trajectory.fixed(0, 0));
        SimulatedRadio.Node far = radio.join("far", pixel4, Trajectory.fixed(500, 0));
        SimulatedRadio.Node near = radio.join("near", pixel4, Trajectory.fixed(1, 0));
        tx.advertiser().advertise(beacon(4));
        assertTrue(scan(far, Duration.ofSeconds(4)).isEmpty());
        assertTrue(!scan(near, Duration.ofSeconds(4)).isEmpty());
        tx.advertiser().stop();
        assertTrue(scan(near, Duration.ofSeconds(4)).isEmpty());
    }

    @Test
    void trajectoriesInterpolateAndJump() {
        Trajectory t = Trajectory.startingAt(T0, 0, 0).at(T0.plusSeconds(10), 10, 0)
                .jump(T0.plusSeconds(20), 100, 100).build();
        assertEquals(new Position(0, 0), t.at(T0.minusSeconds(5)));
        assertEquals(5.0, t.at(T0.plusSeconds(5)).x(), 1e-9);
        assertEquals(new Position(10, 0), t.at(T0.plusSeconds(19)));
        assertEquals(new Position(100, 100), t.at(T0.plusSeconds(20)));
    }
}
