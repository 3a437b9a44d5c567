package vn.bluezone.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.bluezone.server.BluezoneServer;
import vn.bluezone.server.StartupFailures;

/**
 * {@code bluezone start}: runs the server (key server, registry, console) until stopped. Options given here win
 * over environment variables, which win over {@code application.yml}. Any start-up failure ends as one line.
 */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Run the Bluezone server (key server, statistics and console).",
                "Uses an embedded H2 database in the data directory unless BLUEZONE_DB_URL (with BLUEZONE_DB_USER,",
                "BLUEZONE_DB_PASSWORD) points at PostgreSQL. Every setting can also come from the environment,",
                "e.g. BLUEZONE_KEYS_SHORT_CODE_VALIDITY=10m."})
final class StartCommand implements Runnable {

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default 8080, or SERVER_PORT).")
    Integer port;

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory (default ./data, or BLUEZONE_DATA_DIR).")
    Path dataDir;

    @Option(names = "--public-url", paramLabel = "URL", description = {"The address citizens' phones reach this "
            + "server at, printed on posters (or BLUEZONE_PUBLIC_URL).", "Without it posters cannot be printed; "
            + "start warns."})
    String publicUrl;

    @Option(names = "--no-demo", description = "Do not create demonstration data on an empty database.")
    boolean noDemo;

    @Override
    public void run() {
        List<String> args = new ArrayList<>();
        if (port != null) {
            if (port < 1 || port > 65535) {
                throw new CliException("--port must be 1..65535, was " + port);
            }
            checkPortFree(port);
            args.add("--server.port=" + port);
        } else if (System.getenv("SERVER_PORT") == null) {
            checkPortFree(8080);
        }
        Path data = dataDir != null ? dataDir
                : Path.of(System.getenv().getOrDefault("BLUEZONE_DATA_DIR", "./data"));
        data = data.toAbsolutePath().normalize();
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new CliException("cannot create the data directory " + data + ": " + e.getMessage());
        }
        if (!Files.isWritable(data)) {
            throw new CliException("the data directory " + data + " is not writable");
        }
        // H2 wants an absolute (or explicitly ./-relative) path; an absolute one works from any directory.
        args.add("--bluezone.data-dir=" + data);
        if (publicUrl != null) {
            args.add("--bluezone.public-url=" + publicUrl);
        }
        if (noDemo) {
            args.add("--bluezone.demo.enabled=false");
        }

        SpringApplication app = new SpringApplication(BluezoneServer.class);
        app.setLogStartupInfo(false);
        Map<String, Object> quiet = new LinkedHashMap<>();
        // The failure is reported as one line below; keep Spring's multi-line report and stack trace out.
        quiet.put("logging.level.org.springframework.boot.SpringApplication", "off");
        quiet.put("logging.level.org.springframework.boot.diagnostics", "off");
        quiet.put("logging.level.org.springframework.boot.web.server.servlet.context", "error");
        quiet.put("logging.level.org.springframework.boot.web.context", "error");
        quiet.put("logging.level.org.apache.catalina", "off");
        quiet.put("logging.level.org.apache.coyote", "off");
        app.setDefaultProperties(quiet);
        CountDownLatch closed = new CountDownLatch(1);
        app.addListeners((ApplicationListener<ContextClosedEvent>) e -> closed.countDown());
        ConfigurableApplicationContext context;
        try {
            context = app.run(args.toArray(String[]::new));
        } catch (Throwable t) {
            throw new CliException(StartupFailures.describe(t), t);
        }
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            context.close();
        }
    }

    private static void checkPortFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new CliException("port " + port + " is already in use (choose another with --port or SERVER_PORT)");
        }
    }
}
