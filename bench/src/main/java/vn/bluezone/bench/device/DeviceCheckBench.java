package vn.bluezone.bench.device;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import vn.bluezone.bench.BaselineMatcher;
import vn.bluezone.device.DeviceConfig;
import vn.bluezone.device.DeviceEngine;
import vn.bluezone.device.ExposureCheckResult;
import vn.bluezone.device.calibration.CalibrationTable;
import vn.bluezone.device.port.Advertiser;
import vn.bluezone.device.port.KeyServerClient;
import vn.bluezone.device.server.DiagnosisKeyUpload;
import vn.bluezone.device.server.ExportPublicKey;
import vn.bluezone.device.server.KeyServerException;
import vn.bluezone.device.server.SignedConfiguration;
import vn.bluezone.device.server.SubmissionResult;
import vn.bluezone.device.server.VerifiedCode;
import vn.bluezone.device.sim.RecordingNotifier;
import vn.bluezone.device.store.DeviceStorage.SightingDraft;
import vn.bluezone.device.store.Sighting;
import vn.bluezone.device.store.SqliteDeviceStorage;
import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.crypto.BluetoothMetadata;
import vn.bluezone.protocol.crypto.TekKeys;
import vn.bluezone.protocol.export.ExportBatch;
import vn.bluezone.protocol.export.KeyExportWriter;
import vn.bluezone.protocol.export.P256Keys;
import vn.bluezone.protocol.export.SigningKey;
import vn.bluezone.protocol.risk.RiskConfiguration;

/**
 * One phone's exposure check, end to end, on whatever cores the JVM has (run it with
 * {@code taskset -c 0 java -XX:ActiveProcessorCount=1} for "one core"): 14 signed export files holding
 * {@code keys} diagnosis keys in total, against {@code sightings} stored sightings of 14 days, of which a few
 * belong to 20 of the keys (20 minutes of contact each). Timed: download from memory, signature verification,
 * parsing, loading the sightings from SQLite, matching, scoring, warning.
 *
 * <p>Baseline in the same run: the matching step alone done the straightforward way ({@link BaselineMatcher}:
 * a new Mac and Cipher per key, 144 AES calls, {@code HashSet<ByteBuffer>}). Usage:
 * {@code DeviceCheckBench [keys=100000] [sightings=20000] [runs=5]}.
 */
public final class DeviceCheckBench {
    private DeviceCheckBench() {
    }

    public static void main(String[] args) throws Exception {
        int keyCount = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int sightingCount = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Instant now = Instant.parse("2021-07-21T12:00:00Z");
        long today = EnIntervalNumber.dayStart(EnIntervalNumber.of(now));
        SplittableRandom random = new SplittableRandom(42);

        KeyPair signer = P256Keys.generate();
        List<List<TemporaryExposureKey>> files = new ArrayList<>();
        for (int f = 0; f < 14; f++) {
            files.add(new ArrayList<>());
        }
        List<TemporaryExposureKey> all = new ArrayList<>(keyCount);
        for (int i = 0; i < keyCount; i++) {
            byte[] k = new byte[16];
            random.nextBytes(k);
            int day = random.nextInt(14);
            TemporaryExposureKey key = new TemporaryExposureKey(k, (int) (today - 144L * (day + 1)), 144, 0,
                    ReportType.CONFIRMED_TEST, null);
            files.get(random.nextInt(14)).add(key);
            all.add(key);
        }
        Map<String, byte[]> zips = new LinkedHashMap<>();
        KeyExportWriter writer = new KeyExportWriter();
        for (int f = 0; f < 14; f++) {
            zips.put("VN-" + f + ".zip", writer.write(ExportBatch.of("VN", now.minus(Duration.ofDays(14 - f)),
                    now.minus(Duration.ofDays(13 - f)), files.get(f)), List.of(new SigningKey(signer.getPrivate(),
                    "bench", "v1"))));
        }
        long zipBytes = zips.values().stream().mapToLong(z -> z.length).sum();

        // Sightings: 20 keys heard for 20 minutes (4 scans of 2 RPIs), the rest random RPIs over 14 days.
        List<Instant> times = new ArrayList<>();
        List<SightingDraft> drafts = new ArrayList<>();
        BluetoothMetadata md = BluetoothMetadata.of(BluetoothMetadata.VERSION_1_0, -30);
        List<TemporaryExposureKey> planted = all.stream()
                .filter(k -> k.rollingStartIntervalNumber() >= today - 13 * 144L).limit(20).toList();
        for (int c = 0; c < planted.size(); c++) {
            TemporaryExposureKey key = planted.get(c);
            TekKeys tk = TekKeys.derive(key);
            long interval = key.rollingStartIntervalNumber() + 48 + c;
            for (int s = 0; s < 4; s++) {
                long j = interval + s / 2;
                var p = tk.payloads(j, 1, md).get(0);
                times.add(EnIntervalNumber.toInstant(interval).plusSeconds(300L * s + 30));
                drafts.add(new SightingDraft(p.rpi().bytes(), p.aem().bytes(), -80, -78, 12));
            }
        }
        while (drafts.size() < sightingCount) {
            byte[] rpi = new byte[16];
            byte[] aem = new byte[4];
            random.nextBytes(rpi);
            random.nextBytes(aem);
            times.add(now.minusSeconds(random.nextLong(14 * 86_400L)));
            drafts.add(new SightingDraft(rpi, aem, -70 - random.nextInt(30), -65, 8));
        }

        String pem = P256Keys.toPem(signer.getPublic());
        DeviceConfig config = DeviceConfig.of("VN", CalibrationTable.shipped().lookup("google", "Pixel 4"), pem);
        KeyServerClient server = new MemoryServer(zips, signedConfig(signer));
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        Advertiser silent = new Advertiser() {
            @Override
            public void advertise(vn.bluezone.device.radio.Advertisement a) {
            }

            @Override
            public void stop() {
            }
        };

        System.out.printf("keys=%d exportFiles=14 exportBytes=%d sightings=%d processors=%d%n", keyCount, zipBytes,
                drafts.size(), Runtime.getRuntime().availableProcessors());
        double[] check = new double[runs];
        double[] baseline = new double[runs];
        for (int r = 0; r < runs; r++) {
            try (SqliteDeviceStorage db = SqliteDeviceStorage.inMemory()) {
                for (int i = 0; i < drafts.size(); i++) {
                    db.recordScan(times.get(i), Duration.ofSeconds(4), List.of(drafts.get(i)));
                }
                RecordingNotifier notifier = new RecordingNotifier();
                DeviceEngine engine = new DeviceEngine(config, clock, silent, (w, l) -> l.onScanFinished(), db,
                        notifier, server, new SecureRandom());
                long t0 = System.nanoTime();
                ExposureCheckResult res = engine.checkExposures();
                check[r] = (System.nanoTime() - t0) / 1e9;
                if (res.keysMatched() != 20 || res.warnings().isEmpty() || !res.filesRejected().isEmpty()) {
                    throw new IllegalStateException("unexpected result: " + res.keysMatched() + " matched, "
                            + res.warnings().size() + " warnings, " + res.filesRejected());
                }
                List<Sighting> stored = db.sightingsBetween(now.minus(Duration.ofDays(14)), now.plusSeconds(86_400));
                List<vn.bluezone.protocol.matching.Sighting> observed = new ArrayList<>();
                for (Sighting s : stored) {
                    observed.add(new vn.bluezone.protocol.matching.Sighting(s.rpi(), s.aem(),
                            EnIntervalNumber.of(s.seenAt()), s.seenAt(), s.rssiTypical()));
                }
                long tr = System.nanoTime();
                var reader = vn.bluezone.protocol.export.KeyExportReader.verifyingWith(
                        vn.bluezone.protocol.export.VerificationKey.of(signer.getPublic()));
                int read = 0;
                for (byte[] z : zips.values()) {
                    read += reader.read(z).keys().size();
                }
                long tm = System.nanoTime();
                int fast = vn.bluezone.protocol.matching.ExposureMatcher.of(observed).match(all).size();
                long te = System.nanoTime();
                System.out.printf("  stages: verify+read %.3f s (%d keys), matcher %.3f s (%d matches)%n",
                        (tm - tr) / 1e9, read, (te - tm) / 1e9, fast);
                long t1 = System.nanoTime();
                int baselineMatches = new BaselineMatcher(observed).match(all).size();
                baseline[r] = (System.nanoTime() - t1) / 1e9;
                if (baselineMatches != 20) {
                    throw new IllegalStateException("baseline found " + baselineMatches);
                }
            }
            System.out.printf("run %d: check %.3f s, baseline matching alone %.3f s%n", r + 1, check[r], baseline[r]);
        }
        Arrays.sort(check);
        Arrays.sort(baseline);
        double c = check[runs / 2];
        double b = baseline[runs / 2];
        System.out.printf("median check %.3f s (target < 1 s), baseline matching alone %.3f s, ratio %.2f%n", c, b,
                b / c);
    }

    static SignedConfiguration signedConfig(KeyPair signer) throws Exception {
        String json = RiskConfiguration.vietnamDefault().toJson();
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(signer.getPrivate());
        s.update(json.getBytes(StandardCharsets.UTF_8));
        return new SignedConfiguration(json, Base64.getEncoder().encodeToString(s.sign()), "bench");
    }

    /** Serves export files and the configuration from memory. */
    record MemoryServer(Map<String, byte[]> zips, SignedConfiguration config) implements KeyServerClient {
        @Override
        public VerifiedCode verify(String code) throws KeyServerException {
            throw new KeyServerException(0, "offline", "bench");
        }

        @Override
        public String certificate(String token, String keyHmacBase64) throws KeyServerException {
            throw new KeyServerException(0, "offline", "bench");
        }

        @Override
        public SubmissionResult submit(DiagnosisKeyUpload upload) throws KeyServerException {
            throw new KeyServerException(0, "offline", "bench");
        }

        @Override
        public List<String> exportIndex(String region) {
            return List.copyOf(zips.keySet());
        }

        @Override
        public byte[] exportFile(String region, String fileName) {
            return zips.get(fileName);
        }

        @Override
        public ExportPublicKey exportPublicKey() throws KeyServerException {
            throw new KeyServerException(0, "offline", "bench");
        }

        @Override
        public SignedConfiguration configuration() {
            return config;
        }
    }
}
