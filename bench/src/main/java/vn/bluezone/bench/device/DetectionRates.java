package vn.bluezone.bench.device;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.bluezone.device.DeviceConfig;
import vn.bluezone.device.calibration.CalibrationTable;
import vn.bluezone.device.exposure.WarningLevel;
import vn.bluezone.device.port.KeyServerClient;
import vn.bluezone.device.sim.RadioModel;
import vn.bluezone.device.sim.SimulatedWorld;
import vn.bluezone.device.sim.Trajectory;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.export.ExportBatch;
import vn.bluezone.protocol.export.KeyExportWriter;
import vn.bluezone.protocol.export.P256Keys;
import vn.bluezone.protocol.export.SigningKey;
import vn.bluezone.protocol.risk.evaluation.Wilson;

/**
 * How often the whole engine (simulated radio → scans → matching → Vietnam F1 rule) warns F1 after two phones
 * stood {@code d} metres apart for {@code minutes}, over many seeds, for the default channel (σ 8 dB shadowing)
 * and the low-shadowing one of the end-to-end test (σ 1.5 dB), with 95 % Wilson intervals. The simulated radio is
 * {@code SimulatedRadio} on the shared encounter model (room environment: pose losses, an encounter shadow held
 * while both poses last, per-scan fading; σ scales it, 8 = as fitted). Usage: {@code DetectionRates [seeds=50]}.
 */
public final class DetectionRates {
    private DetectionRates() {
    }

    public static void main(String[] args) throws Exception {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        KeyPair signer = P256Keys.generate();
        String pem = P256Keys.toPem(signer.getPublic());
        System.out.println("channel          distance  minutes  F1 rate (95% Wilson interval)");
        for (double sigma : new double[] {8.0, 1.5}) {
            RadioModel model = RadioModel.defaults().withShadowingSigma(sigma);
            for (double d : new double[] {1.0, 1.5, 2.0, 3.0, 8.0}) {
                for (int minutes : new int[] {20, 30}) {
                    int f1 = 0;
                    for (int s = 1; s <= seeds; s++) {
                        if (warned(model, s, d, minutes, signer, pem)) {
                            f1++;
                        }
                    }
                    Wilson w = Wilson.of(f1, seeds);
                    System.out.printf(Locale.ROOT, "sigma=%4.1f dB   %5.1f m   %3d      %5.1f %% (%.1f-%.1f)%n", sigma,
                            d, minutes, 100.0 * w.estimate(), 100.0 * w.low(), 100.0 * w.high());
                }
            }
        }
    }

    private static boolean warned(RadioModel model, long seed, double d, int minutes, KeyPair signer, String pem)
            throws Exception {
        Instant t0 = Instant.parse("2021-07-19T08:00:00Z");
        SimulatedWorld world = new SimulatedWorld(model, seed, t0);
        CalibrationTable table = CalibrationTable.shipped();
        SimulatedWorld.Phone a = world.addPhone("A", DeviceConfig.of("VN", table.lookup("google", "Pixel 4"), pem),
                Trajectory.fixed(0, 0), Duration.ZERO, KeyServerClient.offline());
        SimulatedWorld.Phone b = world.addPhone("B", DeviceConfig.of("VN", table.lookup("samsung", "SM-A505F"),
                pem), Trajectory.startingAt(t0, d, 0).jump(t0.plus(Duration.ofMinutes(minutes)), 5000, 0).build(),
                Duration.ZERO, KeyServerClient.offline());
        world.runUntil(t0.plus(Duration.ofMinutes(minutes + 10)), Duration.ofSeconds(5));
        List<TemporaryExposureKey> keys = a.engine().storage().keysEndingAfter(0).stream()
                .map(k -> new TemporaryExposureKey(k.keyData(), k.rollingStartIntervalNumber(), k.rollingPeriod(),
                        0, ReportType.CONFIRMED_TEST, null)).toList();
        byte[] zip = new KeyExportWriter().write(ExportBatch.of("VN", t0, t0.plusSeconds(3600), keys),
                List.of(new SigningKey(signer.getPrivate(), "rates", "v1")));
        DeviceCheckBench.MemoryServer server = new DeviceCheckBench.MemoryServer(Map.of("VN-1.zip", zip),
                DeviceCheckBench.signedConfig(signer));
        // B checks through a client that serves the one file.
        SimulatedWorld checkWorld = world;
        var engine = new vn.bluezone.device.DeviceEngine(b.engine().config(), checkWorld.clock(),
                new vn.bluezone.device.port.Advertiser() {
                    @Override
                    public void advertise(vn.bluezone.device.radio.Advertisement x) {
                    }

                    @Override
                    public void stop() {
                    }
                }, (w, l) -> l.onScanFinished(), b.engine().storage(), new vn.bluezone.device.sim.RecordingNotifier(),
                server, new java.security.SecureRandom());
        return engine.checkExposures().warnings().stream().anyMatch(w -> w.level() == WarningLevel.F1);
    }
}
