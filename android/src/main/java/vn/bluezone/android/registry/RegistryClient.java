package vn.bluezone.android.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.json.JSONException;
import org.json.JSONObject;

import vn.bluezone.device.server.KeyServerException;

/**
 * The registry's device API (server/README.md): anonymous registration, the daily heartbeat and the number of
 * installs that came from this phone's invitation link. {@link HttpURLConnection} and the platform's
 * {@code org.json}: nothing that Android lacks, no reflection. Errors become {@link KeyServerException}s carrying
 * the server's stable code ({@code network_error} when it cannot be reached).
 */
public final class RegistryClient {
    private static final int TIMEOUT_MS = 20_000;
    private final String base;

    public RegistryClient(String baseUrl) {
        this.base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
    }

    /** What the phone says about itself when it registers; every field but platform and version is optional. */
    public record Request(String appVersion, String model, String communeCode, String villageId,
                          String referralCode, String placeCode, String installationId) {
    }

    /** {@code POST /api/v1/devices}. */
    public Registration register(Request r) throws KeyServerException {
        JSONObject body = new JSONObject();
        try {
            body.put("platform", "android").put("appVersion", r.appVersion());
            putIf(body, "model", r.model());
            putIf(body, "communeCode", r.communeCode());
            putIf(body, "villageId", r.villageId());
            putIf(body, "referralCode", r.referralCode());
            putIf(body, "placeCode", r.placeCode());
            putIf(body, "installationId", r.installationId());
            JSONObject a = call("POST", "api/v1/devices", null, body);
            return new Registration(a.getString("deviceId"), a.getString("deviceSecret"),
                    a.getString("installCode"), a.getString("referralCode"));
        } catch (JSONException e) {
            throw new KeyServerException(200, "bad_response", "registration answer: " + e.getMessage(), e);
        }
    }

    /** {@code POST /api/v1/devices/{id}/heartbeat}: the app still runs (and whether Bluetooth is on). */
    public void heartbeat(Registration reg, boolean bluetoothOn, String appVersion) throws KeyServerException {
        try {
            call("POST", "api/v1/devices/" + reg.deviceId() + "/heartbeat", reg.deviceSecret(),
                    new JSONObject().put("bluetoothOn", bluetoothOn).put("appVersion", appVersion));
        } catch (JSONException e) {
            throw new KeyServerException(0, "bad_request", e.getMessage(), e);
        }
    }

    /** {@code GET /api/v1/devices/{id}/referrals}: how many installs registered with this phone's referral code. */
    public int referralInstalls(Registration reg) throws KeyServerException {
        try {
            return call("GET", "api/v1/devices/" + reg.deviceId() + "/referrals", reg.deviceSecret(), null)
                    .getInt("installs");
        } catch (JSONException e) {
            throw new KeyServerException(200, "bad_response", "referrals answer: " + e.getMessage(), e);
        }
    }

    private static void putIf(JSONObject o, String name, String value) throws JSONException {
        if (value != null && !value.isBlank()) {
            o.put(name, value);
        }
    }

    private JSONObject call(String method, String path, String bearer, JSONObject body) throws KeyServerException {
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) new URL(base + path).openConnection();
            c.setRequestMethod(method);
            c.setConnectTimeout(TIMEOUT_MS);
            c.setReadTimeout(TIMEOUT_MS);
            c.setRequestProperty("Accept", "application/json");
            if (bearer != null) {
                c.setRequestProperty("Authorization", "Bearer " + bearer);
            }
            if (body != null) {
                byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json; charset=utf-8");
                c.setFixedLengthStreamingMode(bytes.length);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(bytes);
                }
            }
            int status = c.getResponseCode();
            String text = read(status / 100 == 2 ? c.getInputStream() : c.getErrorStream());
            if (status / 100 != 2) {
                String code = "http_" + status;
                String message = text;
                try {
                    JSONObject err = new JSONObject(text);
                    code = err.optString("error", code);
                    message = err.optString("message", text);
                } catch (JSONException notJson) {
                    // keep the raw text
                }
                throw new KeyServerException(status, code, message);
            }
            return text.isBlank() ? new JSONObject() : new JSONObject(text);
        } catch (IOException e) {
            throw new KeyServerException(0, "network_error", method + " " + path + ": " + e.getMessage(), e);
        } catch (JSONException e) {
            throw new KeyServerException(200, "bad_response", path + " did not answer JSON", e);
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    private static String read(InputStream in) throws IOException {
        if (in == null) {
            return "";
        }
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                if (out.size() > 1_000_000) {
                    throw new IOException("answer larger than 1 MB");
                }
            }
            return out.toString(StandardCharsets.UTF_8.name());
        }
    }
}
