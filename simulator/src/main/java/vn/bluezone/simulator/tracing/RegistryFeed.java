package vn.bluezone.simulator.tracing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.bluezone.api.ApiPaths;
import vn.bluezone.api.registry.DeviceRegistration;
import vn.bluezone.api.registry.Heartbeat;
import vn.bluezone.api.registry.RegisteredDevice;
import vn.bluezone.simulator.Simulation;
import vn.bluezone.simulator.util.Rand;

/**
 * Every simulated phone registers its install and sends a daily heartbeat through the registry's public device
 * API ({@code POST /api/v1/devices}, {@code POST /api/v1/devices/{id}/heartbeat} with the device secret as a
 * bearer token), so the officials' console shows the simulated commune while a run goes. Only what a real
 * install sends: platform, app version, commune code — nothing about the simulated person.
 */
public final class RegistryFeed implements Simulation.Observer {
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final String APP_VERSION = "sim-1.0";
    private static final int IN_FLIGHT = 16;

    private final URI base;
    private final String communeCode;
    private final long seed;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String[] ids = new String[0];
    private String[] secrets = new String[0];
    private int registered;
    private long heartbeats;
    private long failures;
    private String firstFailure;

    public RegistryFeed(String baseUrl, int commune, long seed) {
        String b = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        try {
            this.base = URI.create(b);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--server is not a URL: " + baseUrl);
        }
        if (base.getScheme() == null || !base.getScheme().startsWith("http") || base.getHost() == null) {
            throw new IllegalArgumentException("--server must be an http(s) URL, got " + baseUrl);
        }
        this.communeCode = String.format("%05d", commune);
        this.seed = seed;
    }

    /** Registers every app user; the first registration must succeed, or the server is not usable. */
    @Override
    public void start(boolean[] appUsers) {
        ids = new String[appUsers.length];
        secrets = new String[appUsers.length];
        List<Integer> people = new ArrayList<>();
        for (int p = 0; p < appUsers.length; p++) {
            if (appUsers[p]) {
                people.add(p);
            }
        }
        if (people.isEmpty()) {
            return;
        }
        int first = people.get(0);
        try {
            HttpResponse<String> r = http.send(registration(first), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalArgumentException("server " + base + " refused a registration: HTTP "
                        + r.statusCode() + " " + r.body());
            }
            remember(first, r.body());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot reach server " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        runAll(people.subList(1, people.size()), p -> http.sendAsync(registration(p),
                HttpResponse.BodyHandlers.ofString()).thenAccept(r -> {
                    if (r.statusCode() == 201) {
                        remember(p, r.body());
                    } else {
                        fail("registration HTTP " + r.statusCode());
                    }
                }));
    }

    /** One heartbeat per registered phone for the simulated day that just ended. */
    @Override
    public void dayEnded(int day) {
        List<Integer> people = new ArrayList<>();
        for (int p = 0; p < ids.length; p++) {
            if (ids[p] != null) {
                people.add(p);
            }
        }
        String heartbeat = JSON.writeValueAsString(new Heartbeat(true, APP_VERSION));
        runAll(people, p -> http.sendAsync(HttpRequest.newBuilder(base.resolve(
                        base.getPath() + ApiPaths.heartbeat(ids[p])))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + secrets[p])
                .POST(HttpRequest.BodyPublishers.ofString(heartbeat))
                .build(), HttpResponse.BodyHandlers.discarding()).thenAccept(r -> {
                    if (r.statusCode() == 200) {
                        synchronized (this) {
                            heartbeats++;
                        }
                    } else {
                        fail("heartbeat HTTP " + r.statusCode());
                    }
                }));
    }

    private HttpRequest registration(int person) {
        // About seven phones in ten in Viet Nam run Android (assumption); the split only labels the installs.
        String platform = Rand.uniform(Rand.hash(seed, 0x506C6174L, person)) < 0.7 ? "android" : "ios";
        String body = JSON.writeValueAsString(new DeviceRegistration(platform, APP_VERSION, null, communeCode, null,
                null, null));
        return HttpRequest.newBuilder(base.resolve(base.getPath() + ApiPaths.DEVICES))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private synchronized void remember(int person, String body) {
        RegisteredDevice d;
        try {
            d = JSON.readValue(body, RegisteredDevice.class);
        } catch (JacksonException e) {
            d = null;
        }
        if (d != null && d.deviceId() != null && d.deviceSecret() != null) {
            ids[person] = d.deviceId();
            secrets[person] = d.deviceSecret();
            registered++;
        } else {
            fail("registration answer without deviceId/deviceSecret");
        }
    }

    private synchronized void fail(String why) {
        failures++;
        if (firstFailure == null) {
            firstFailure = why;
        }
    }

    private interface Call {
        CompletableFuture<Void> send(int person);
    }

    /** At most {@value #IN_FLIGHT} requests at a time; waits for all. */
    private void runAll(List<Integer> people, Call call) {
        Semaphore slots = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<Void>> all = new ArrayList<>(people.size());
        for (int p : people) {
            slots.acquireUninterruptibly();
            all.add(call.send(p).whenComplete((v, e) -> {
                if (e != null) {
                    fail(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
                slots.release();
            }).exceptionally(e -> null));
        }
        CompletableFuture.allOf(all.toArray(new CompletableFuture[0])).join();
    }

    public synchronized int registered() {
        return registered;
    }

    public synchronized long heartbeats() {
        return heartbeats;
    }

    public synchronized long failures() {
        return failures;
    }

    public synchronized String firstFailure() {
        return firstFailure;
    }
}
