package vn.bluezone.bench.keyserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;
import vn.bluezone.protocol.export.ExportBatch;
import vn.bluezone.protocol.export.KeyExportWriter;
import vn.bluezone.protocol.export.P256Keys;
import vn.bluezone.protocol.export.SigningKey;
import vn.bluezone.server.keys.distribution.DirectoryBlobStore;
import vn.bluezone.server.keys.distribution.ExportFileBuilder;

/**
 * The key server's export of 1,000,000 keys: build, sign and write to the directory blob store, as the export
 * job does after loading keys (split at 500,000 keys per file, the files built in parallel). Baseline in the same
 * run: the same keys as one file built on one thread, written with Files.write.
 * Run: {@code bench/jmh ExportJobBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx3g"})
public class ExportJobBenchmark {
    @Param({"1000000"})
    int keys;

    List<TemporaryExposureKey> input;
    List<SigningKey> signers;
    Path dir;
    DirectoryBlobStore store;
    final Instant start = Instant.parse("2026-11-28T00:00:00Z");

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Random r = new Random(42);
        input = new ArrayList<>(keys);
        for (int i = 0; i < keys; i++) {
            byte[] k = new byte[16];
            r.nextBytes(k);
            input.add(new TemporaryExposureKey(k, 2_690_000 + 144 * r.nextInt(14), 144, r.nextInt(9),
                    ReportType.CONFIRMED_TEST, r.nextInt(29) - 14));
        }
        KeyPair pair = P256Keys.generate();
        signers = List.of(new SigningKey(pair.getPrivate(), "452", "v1"));
        dir = Files.createTempDirectory("bz-export-bench");
        store = new DirectoryBlobStore(dir);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Benchmark
    public int serverExport() {
        List<ExportFileBuilder.BuiltFile> files = new ExportFileBuilder(500_000)
                .build("VN", "day", start, start.plusSeconds(86_400), input, signers);
        for (ExportFileBuilder.BuiltFile f : files) {
            store.put("VN/" + f.name(), f.zip(), "application/zip");
        }
        return files.size();
    }

    @Benchmark
    public long baselineOneFileOneThread() throws IOException {
        byte[] zip = new KeyExportWriter().write(new ExportBatch("VN", start.getEpochSecond(),
                start.getEpochSecond() + 86_400, 1, 1, input, List.of()), signers);
        return Files.write(dir.resolve("baseline.zip"), zip).toFile().length();
    }
}
