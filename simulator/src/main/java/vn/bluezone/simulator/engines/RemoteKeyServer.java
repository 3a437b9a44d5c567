package vn.bluezone.simulator.engines;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.bluezone.api.ApiError;
import vn.bluezone.api.ApiPaths;
import vn.bluezone.api.officer.ClockTime;
import vn.bluezone.api.officer.ExportRun;
import vn.bluezone.api.officer.IssuedCode;
import vn.bluezone.api.officer.NewCode;
import vn.bluezone.device.server.HttpKeyServerClient;
import vn.bluezone.device.server.KeyServerException;
import vn.bluezone.protocol.ReportType;

/**
 * A running key server driven over HTTP (engines mode with {@code --server URL}). A server keeps real time, which
 * cannot follow simulated days (a day would take a day; the server would refuse keys from "the future"), so it
 * must be a test server started with {@code bluezone.simulation-clock.enabled=true}: its key-server clock stands
 * still until an administrator moves it ({@code PUT /api/v1/admin/clock}). The simulation moves it to the
 * simulated time before each code, upload and export run, and starts on the Monday after the server's clock, so
 * the clock only ever goes forward. An administrator's API key ({@code X-Api-Key}) issues the codes
 * ({@code POST /api/v1/admin/codes}), runs the export job ({@code POST /api/v1/admin/exports/run}) and moves the
 * clock; phones use the public device API like real ones.
 */
public final class RemoteKeyServer implements HealthAuthority {
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final URI base;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Instant dayZero;
    private Instant serverNow;

    private RemoteKeyServer(URI base, String apiKey, Instant serverNow) {
        this.base = base;
        this.apiKey = apiKey;
        this.serverNow = serverNow;
        this.dayZero = LocalDate.ofInstant(serverNow, ZoneOffset.UTC).plusDays(1)
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * Checks the server and the key before anything runs: reachable, the key accepted, an administrator's, and the
     * simulation clock present. Every problem is one line naming the fix.
     */
    public static RemoteKeyServer connect(String url, String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("--mode engines with --server needs an administrator's API key "
                    + "(--api-key or BLUEZONE_API_KEY): it issues the cases' codes, runs the export job and moves the "
                    + "test server's clock");
        }
        URI base;
        try {
            base = URI.create(url.endsWith("/") ? url : url + "/");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--server is not a URL: " + url);
        }
        if (base.getScheme() == null || !base.getScheme().startsWith("http") || base.getHost() == null) {
            throw new IllegalArgumentException("--server must be an http(s) URL, got " + url);
        }
        RemoteKeyServer probe = new RemoteKeyServer(base, apiKey.strip(), Instant.EPOCH);
        HttpResponse<String> r = probe.send("GET", ApiPaths.ADMIN_CLOCK, null, "reading the clock");
        switch (r.statusCode()) {
            case 200 -> {
                Instant now = answer(r, ClockTime.class, "the clock").now();
                if (now == null) {
                    throw new IllegalStateException("engines mode: the server's clock answer has no time: " + r.body());
                }
                return new RemoteKeyServer(base, apiKey.strip(), now);
            }
            case 401 -> throw new IllegalArgumentException("--api-key: the server at " + url
                    + " does not accept this API key (401 " + errorOf(r) + ")");
            case 403 -> throw new IllegalArgumentException("--api-key: the key's account is not an administrator "
                    + "(403 " + errorOf(r) + "); engines mode needs one to run the export job and move the clock");
            case 404 -> throw new IllegalArgumentException("the server at " + url + " keeps real time, which "
                    + "cannot follow simulated days: start a test server with BLUEZONE_SIMULATION_CLOCK_ENABLED=true");
            default -> throw new IllegalArgumentException("the server at " + url + " answered " + r.statusCode()
                    + " " + errorOf(r) + " to GET /api/v1/admin/clock");
        }
    }

    @Override
    public HttpKeyServerClient client() {
        return new HttpKeyServerClient(base);
    }

    @Override
    public Instant dayZero() {
        return dayZero;
    }

    @Override
    public synchronized void clockAt(Instant t) {
        if (!t.isAfter(serverNow)) {
            return;
        }
        expect(send("PUT", ApiPaths.ADMIN_CLOCK, new ClockTime(t), "moving the clock"), 200,
                "moving the clock to " + t);
        serverNow = t;
    }

    @Override
    public String exportPublicKeyPem() throws KeyServerException {
        return client().exportPublicKey().pem();
    }

    @Override
    public String issueCode(ReportType type, LocalDate onset) {
        HttpResponse<String> r = send("POST", ApiPaths.ADMIN_CODES, new NewCode(type, onset, null, null),
                "issuing a code");
        expect(r, 201, "issuing a " + type + " code");
        String code = answer(r, IssuedCode.class, "the new code").shortCode();
        if (code == null) {
            throw new IllegalStateException("engines mode: the server's new code has no shortCode: " + r.body());
        }
        return code;
    }

    @Override
    public int export() {
        HttpResponse<String> r = send("POST", ApiPaths.ADMIN_EXPORTS_RUN, null, "running the export job");
        expect(r, 200, "running the export job");
        return answer(r, ExportRun.class, "the export job").files();
    }

    @Override
    public void close() {
        // Nothing held: every request is its own.
    }

    private HttpResponse<String> send(String method, String path, Object body, String what) {
        String json = body == null ? null : JSON.writeValueAsString(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(ApiPaths.relative(path))).timeout(Duration.ofSeconds(60))
                .header("X-Api-Key", apiKey).header("Accept", "application/json");
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("--server " + base + " cannot be reached (" + what + "): "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        }
    }

    private void expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException("engines mode: the server refused " + what + ": " + r.statusCode() + " "
                    + errorOf(r));
        }
    }

    /** The server's error code and message, read as the contract's {@link ApiError}; else the start of the body. */
    private static String errorOf(HttpResponse<String> r) {
        String body = r.body() == null ? "" : r.body();
        try {
            ApiError e = JSON.readValue(body, ApiError.class);
            if (e != null && e.error() != null) {
                return e.error() + (e.message() == null ? "" : ": " + e.message());
            }
        } catch (JacksonException notJson) {
            // not the contract's error: show the text
        }
        return body.length() > 120 ? body.substring(0, 120) : body;
    }

    private static <T> T answer(HttpResponse<String> r, Class<T> type, String what) {
        try {
            T value = JSON.readValue(r.body(), type);
            if (value != null) {
                return value;
            }
        } catch (JacksonException e) {
            // reported below
        }
        throw new IllegalStateException("engines mode: the server's answer for " + what + " is not a "
                + type.getSimpleName() + ": " + r.body());
    }
}
