package vn.bluezone.bench.export;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.export.ExportBatch;
import vn.bluezone.protocol.export.KeyExportWriter;
import vn.bluezone.protocol.export.P256Keys;
import vn.bluezone.protocol.export.SigningKey;

/**
 * Export file size and build time by deflate level (issue 15 §6): every phone downloads every file, so bytes count
 * more than the server's seconds. One file of N keys (default 1,000,000) is built, signed and zipped at levels 1..9
 * in the same run; sizes are exact (the same keys every level), times are the best of R rounds of thread CPU time.
 * Keys are uploads of 14 daily keys each (one per day, the uploader's transmission risk, report type and days since
 * onset running over the 14 days), as real uploads are. Run:
 * {@code java -cp bench/target/classes:$(cat bench/target/classpath.txt) vn.bluezone.bench.export.DeflateLevelBench [keys] [rounds]}
 */
public final class DeflateLevelBench {
    private DeflateLevelBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<TemporaryExposureKey> keys = uploads(n, new Random(42));
        KeyPair pair = P256Keys.generate();
        List<SigningKey> signers = List.of(new SigningKey(pair.getPrivate(), "452", "v1"));
        Instant start = Instant.parse("2026-11-28T00:00:00Z");
        ExportBatch batch = new ExportBatch("VN", start.getEpochSecond(), start.getEpochSecond() + 86_400, 1, 1, keys,
                List.of());
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        new KeyExportWriter(1).write(batch, signers); // warm-up
        long[] size = new long[10];
        double[] ms = new double[10];
        for (int level = 1; level <= 9; level++) {
            KeyExportWriter w = new KeyExportWriter(level);
            double best = Double.MAX_VALUE;
            for (int r = 0; r < rounds; r++) {
                long t0 = cpu.getCurrentThreadCpuTime();
                size[level] = w.write(batch, signers).length;
                best = Math.min(best, (cpu.getCurrentThreadCpuTime() - t0) / 1e6);
            }
            ms[level] = best;
        }
        System.out.printf(Locale.ROOT, "%,d keys, best of %d rounds, thread CPU time%n", n, rounds);
        System.out.println("level  bytes        MB(10^6)  size/level1  build ms  time/level1");
        for (int level = 1; level <= 9; level++) {
            System.out.printf(Locale.ROOT, "%5d  %,11d  %8.2f  %11.4f  %8.0f  %11.2f%n", level, size[level],
                    size[level] / 1e6, (double) size[level] / size[1], ms[level], ms[level] / ms[1]);
        }
    }

    /** {@code n} keys from uploads of 14 consecutive days each. */
    static List<TemporaryExposureKey> uploads(int n, Random r) {
        List<TemporaryExposureKey> keys = new ArrayList<>(n);
        int today = 2_690_000 / 144 * 144;
        ReportType[] types = {ReportType.CONFIRMED_TEST, ReportType.CONFIRMED_TEST, ReportType.CONFIRMED_CLINICAL_DIAGNOSIS,
                ReportType.RECURSIVE};
        while (keys.size() < n) {
            ReportType type = types[r.nextInt(types.length)];
            int onsetDay = r.nextInt(10); // days before today
            int risk = 1 + r.nextInt(8);
            for (int d = 1; d <= 14 && keys.size() < n; d++) {
                byte[] k = new byte[16];
                r.nextBytes(k);
                int dso = onsetDay - d; // key day minus onset day
                keys.add(new TemporaryExposureKey(k, today - 144 * d, 144, risk, type, dso));
            }
        }
        return keys;
    }
}
