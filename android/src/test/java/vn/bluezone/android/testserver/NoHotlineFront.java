package vn.bluezone.android.testserver;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.context.ApplicationContext;

import tools.jackson.databind.json.JsonMapper;
import vn.bluezone.api.ApiPaths;
import vn.bluezone.api.distribution.SignedConfig;
import vn.bluezone.protocol.export.SigningKey;
import vn.bluezone.server.keys.SigningKeys;
import vn.bluezone.server.keys.distribution.DeviceConfigController;

/**
 * The test key server as an older server that sends no health hotline: a loopback front that passes every request
 * through, except {@code GET /api/v1/config}, whose configuration it serves without the {@code health} member,
 * signed again with the server's export key (so the phone verifies it and simply learns no hotline).
 */
final class NoHotlineFront {
    /** Headers the JDK client sets itself (or refuses), and hop-by-hop ones. */
    private static final Set<String> NOT_PASSED = Set.of("connection", "content-length", "expect", "host", "upgrade",
            "transfer-encoding", "keep-alive");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApplicationContext server;
    private final String target;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final HttpServer front;

    /** @param target the real server's base URL, ending in '/' */
    NoHotlineFront(ApplicationContext server, String target) throws IOException {
        this.server = server;
        this.target = target.substring(0, target.length() - 1);
        front = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        front.createContext("/", this::handle);
        front.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> front.stop(0)));
    }

    String baseUrl() {
        return "http://127.0.0.1:" + front.getAddress().getPort() + "/";
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (ApiPaths.CONFIG.equals(ex.getRequestURI().getPath())) {
                reply(ex, 200, Map.of("Content-Type", "application/json"), configWithoutHotline());
                return;
            }
            HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(target + ex.getRequestURI().toString()));
            byte[] body = ex.getRequestBody().readAllBytes();
            rb.method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
            ex.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_PASSED.contains(name.toLowerCase())) {
                    values.forEach(v -> rb.header(name, v));
                }
            });
            HttpResponse<byte[]> r = client.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            r.headers().map().forEach((name, values) -> {
                if (!NOT_PASSED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    headers.put(name, String.join(", ", values));
                }
            });
            reply(ex, r.statusCode(), headers, r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void reply(HttpExchange ex, int status, Map<String, String> headers, byte[] body)
            throws IOException {
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** The server's own signed configuration, its {@code health} member (always the last one) cut off, re-signed. */
    private byte[] configWithoutHotline() {
        SignedConfig real = server.getBean(DeviceConfigController.class).config().getBody();
        String text = real.configuration();
        int health = text.lastIndexOf(",\"health\":");
        if (health < 0 || !text.endsWith("}}")) {
            throw new IllegalStateException("the server's configuration has no trailing health member: " + text);
        }
        String without = text.substring(0, health) + "}";
        SigningKeys.StoredKey k = server.getBean(SigningKeys.class).current(SigningKeys.EXPORT);
        byte[] sig = new SigningKey(k.privateKey(), k.keyId(), k.keyVersion())
                .sign(without.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("configuration", without);
        doc.put("signature", Base64.getEncoder().encodeToString(sig));
        doc.put("keyId", real.keyId());
        doc.put("keyVersion", real.keyVersion());
        doc.put("algorithm", real.algorithm());
        return JSON.writeValueAsBytes(doc);
    }
}
