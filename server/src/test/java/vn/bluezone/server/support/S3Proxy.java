package vn.bluezone.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A real S3 implementation for tests: S3Proxy (org.gaul:s3proxy, jclouds filesystem backend) in a child JVM, on a
 * free loopback port, with SigV2/SigV4 authentication and random credentials made for this run. A separate process
 * because its self-contained jar carries Jetty 11, Jackson 2 and Logback, which must not meet Spring Boot's.
 * The jar is copied by Maven to {@code target/s3proxy/s3proxy.jar} ({@link #JAR_PROPERTY}).
 */
public final class S3Proxy implements AutoCloseable {
    public static final String JAR_PROPERTY = "bluezone.test.s3proxy.jar";
    public static final String JAR_ENV = "BLUEZONE_TEST_S3PROXY_JAR";

    private final Process process;
    private final Path dir;
    private final Path log;
    private final String endpoint;
    private final String accessKey = "test-" + UUID.randomUUID().toString().substring(0, 8);
    private final String secretKey = UUID.randomUUID().toString();

    /** The jar, or null when this run has none (tests are then skipped with a printed reason). */
    public static Path jar() {
        String p = System.getProperty(JAR_PROPERTY);
        if (p == null || p.isBlank()) {
            p = System.getenv(JAR_ENV);
        }
        if (p == null || p.isBlank() || !Files.isRegularFile(Path.of(p))) {
            return null;
        }
        return Path.of(p);
    }

    /** Starts S3Proxy and waits until it answers HTTP; fails with its log when it does not within a minute. */
    public static S3Proxy start() {
        Path jar = jar();
        if (jar == null) {
            throw new IllegalStateException("no S3Proxy jar: set -D" + JAR_PROPERTY + " or " + JAR_ENV);
        }
        try {
            return new S3Proxy(jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private S3Proxy(Path jar) throws IOException {
        dir = Files.createTempDirectory("s3proxy-");
        Path data = Files.createDirectories(dir.resolve("data"));
        log = dir.resolve("s3proxy.log");
        int port = freePort();
        endpoint = "http://127.0.0.1:" + port;
        Path conf = dir.resolve("s3proxy.conf");
        Files.writeString(conf, String.join("\n",
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + accessKey,
                "s3proxy.credential=" + secretKey,
                "s3proxy.endpoint=" + endpoint,
                "jclouds.provider=filesystem-nio2",
                "jclouds.identity=local",
                "jclouds.credential=local",
                "jclouds.filesystem.basedir=" + data), StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        process = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--properties", conf.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        waitUntilReady();
    }

    private void waitUntilReady() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(endpoint + "/").toURL().openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                int status = c.getResponseCode(); // 403: alive, and refusing an unsigned request
                c.disconnect();
                if (status > 0) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for S3Proxy", e);
            }
        }
        close();
        throw new IllegalStateException("S3Proxy did not answer within 60 s:\n" + logTail());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    public String endpoint() {
        return endpoint;
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
