package vn.bluezone.device.checkin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.bluezone.device.server.KeyServerException;

/** {@link CheckinServerClient} over java.net.http. */
public final class HttpCheckinServerClient implements CheckinServerClient {
    private static final Pattern NAME = Pattern.compile("(VN|\\d{2})/hour-\\d{1,12}-\\d{1,12}\\.bin");
    private final URI base;
    private final HttpClient http;

    public HttpCheckinServerClient(URI base) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public List<String> packageIndex(String region) throws KeyServerException {
        if (!region.matches("VN|\\d{2}")) {
            throw new KeyServerException(0, "INVALID_REGION", "region must be VN or a 2-digit province code");
        }
        String text = new String(get("api/v1/checkins/" + region + "/index.txt"), StandardCharsets.UTF_8);
        List<String> names = new ArrayList<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (NAME.matcher(l).matches()) {
                names.add(l); // anything else in the index is ignored, never fetched
            }
        }
        return names;
    }

    @Override
    public byte[] packageFile(String name) throws KeyServerException {
        if (!NAME.matcher(name).matches()) {
            throw new KeyServerException(0, "INVALID_NAME", "not a check-in package name: " + name);
        }
        return get("api/v1/checkins/" + name);
    }

    private byte[] get(String path) throws KeyServerException {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new KeyServerException(r.statusCode(), "HTTP_" + r.statusCode(), "GET " + path + " answered " + r.statusCode());
            }
            return r.body();
        } catch (IOException e) {
            throw new KeyServerException(0, "offline", "GET " + path + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyServerException(0, "offline", "interrupted");
        }
    }
}
