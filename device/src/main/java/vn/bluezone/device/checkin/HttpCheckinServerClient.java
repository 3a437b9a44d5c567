package vn.bluezone.device.checkin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import vn.bluezone.device.server.KeyServerException;

/**
 * {@link CheckinServerClient} over {@link HttpURLConnection}, which Android has too (it has no java.net.http): the
 * app uses this class as it is.
 */
public final class HttpCheckinServerClient implements CheckinServerClient {
    private static final Pattern NAME = Pattern.compile("(VN|\\d{2})/hour-\\d{1,12}-\\d{1,12}\\.bin");
    /** A package holds at most 100,000 padded reports of about 100 bytes; anything far larger is refused. */
    private static final int MAX_BYTES = 64 * 1024 * 1024;
    private final URI base;

    public HttpCheckinServerClient(URI base) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
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

    @Override
    public byte[] manifest(String region, long day) throws KeyServerException {
        if (!region.matches("VN|\\d{2}") || day < 0 || day % 86_400 != 0) {
            throw new KeyServerException(0, "INVALID_NAME", "not a check-in manifest: " + region + " " + day);
        }
        return get(vn.bluezone.api.ApiPaths.relative(vn.bluezone.api.ApiPaths.checkinManifest(region, day)));
    }

    private byte[] get(String path) throws KeyServerException {
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) base.resolve(path).toURL().openConnection();
            c.setConnectTimeout(10_000);
            c.setReadTimeout(60_000);
            int status = c.getResponseCode();
            if (status != 200) {
                throw new KeyServerException(status, "HTTP_" + status, "GET " + path + " answered " + status);
            }
            try (InputStream in = c.getInputStream()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buf = new byte[16 * 1024];
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (out.size() + n > MAX_BYTES) {
                        throw new KeyServerException(status, "TOO_LARGE", "GET " + path + ": over " + MAX_BYTES + " bytes");
                    }
                    out.write(buf, 0, n);
                }
                return out.toByteArray();
            }
        } catch (IOException e) {
            throw new KeyServerException(0, "offline", "GET " + path + ": " + e.getMessage());
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }
}
