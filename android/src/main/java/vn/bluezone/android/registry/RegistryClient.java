package vn.bluezone.android.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import vn.bluezone.api.ApiError;
import vn.bluezone.api.ApiPaths;
import vn.bluezone.api.registry.Attestation;
import vn.bluezone.api.registry.AttestationBinding;
import vn.bluezone.api.registry.DeviceRegistration;
import vn.bluezone.api.registry.Heartbeat;
import vn.bluezone.api.registry.HeartbeatResult;
import vn.bluezone.api.registry.ReferralInstalls;
import vn.bluezone.api.registry.RegisteredDevice;
import vn.bluezone.device.port.Attester;
import vn.bluezone.device.server.KeyServerException;

/**
 * The registry's device API (the api module's paths and records): anonymous registration, the daily heartbeat and
 * the number of installs that came from this phone's invitation link. {@link HttpURLConnection} and Jackson
 * reading the api records through their explicit creators (no record reflection, which Android lacks below API
 * 34). Errors become {@link KeyServerException}s with the server's stable code ({@code network_error} when the
 * server cannot be reached).
 */
public final class RegistryClient {
    private static final int TIMEOUT_MS = 20_000;
    private static final ObjectMapper JSON = vn.bluezone.device.PhoneJson.mapper();
    /** java.util.logging: logcat on the phone, the console in JVM tests. */
    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger("Bluezone");
    private final String base;
    private final Attester attester;

    /** Without platform attestation: installs count as unattested. The app passes a {@link KeyAttester}. */
    public RegistryClient(String baseUrl) {
        this(baseUrl, Attester.NONE);
    }

    /** {@code attester} adds a platform verdict to registrations (with an installationId) and heartbeats. */
    public RegistryClient(String baseUrl, Attester attester) {
        this.base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.attester = attester;
    }

    /**
     * {@code POST /api/v1/devices}. When the server refuses the attestation this client added (a rooted or
     * unlocked phone, a software-only keystore, a revoked key), the registration is sent again without it: the
     * install is then counted as unattested instead of not at all.
     */
    public Registration register(DeviceRegistration request) throws KeyServerException {
        DeviceRegistration attested = request;
        if (request.attestation() == null && request.installationId() != null) {
            attested = attester.attest(AttestationBinding.registrationText(request.installationId()))
                    .map(request::withAttestation).orElse(request);
        }
        RegisteredDevice d;
        try {
            d = call("POST", ApiPaths.DEVICES, null, attested, RegisteredDevice.class);
        } catch (KeyServerException e) {
            if (attested == request || !attestationRefused(e)) {
                throw e;
            }
            LOG.info("Attestation refused (" + e.errorCode() + "), registering without");
            d = call("POST", ApiPaths.DEVICES, null, request, RegisteredDevice.class);
        }
        if (d.deviceId() == null || d.deviceSecret() == null || d.installCode() == null) {
            throw new KeyServerException(200, "bad_response", "registration answer without id, secret or code");
        }
        return new Registration(d.deviceId(), d.deviceSecret(), d.installCode(), d.referralCode());
    }

    /** {@code POST /api/v1/devices/{id}/heartbeat}: the app still runs (and whether Bluetooth is on). */
    public HeartbeatResult heartbeat(Registration reg, boolean bluetoothOn, String appVersion)
            throws KeyServerException {
        Attestation a = attester.attest(AttestationBinding.heartbeatText(reg.deviceId())).orElse(null);
        try {
            return call("POST", ApiPaths.heartbeat(reg.deviceId()), reg.deviceSecret(),
                    new Heartbeat(bluetoothOn, appVersion, a), HeartbeatResult.class);
        } catch (KeyServerException e) {
            if (a == null || !attestationRefused(e)) {
                throw e;
            }
            LOG.info("Attestation refused (" + e.errorCode() + "), heartbeat without");
            return call("POST", ApiPaths.heartbeat(reg.deviceId()), reg.deviceSecret(),
                    new Heartbeat(bluetoothOn, appVersion, null), HeartbeatResult.class);
        }
    }

    /** A 400 about the attestation (api README: BAD_ATTESTATION, ATTESTATION_*), not about the rest of the request. */
    static boolean attestationRefused(KeyServerException e) {
        return e.status() == 400 && e.errorCode() != null
                && (e.errorCode().equals("BAD_ATTESTATION") || e.errorCode().startsWith("ATTESTATION_"));
    }

    /** {@code GET /api/v1/devices/{id}/referrals}: how many installs registered with this phone's referral code. */
    public long referralInstalls(Registration reg) throws KeyServerException {
        return call("GET", ApiPaths.referrals(reg.deviceId()), reg.deviceSecret(), null, ReferralInstalls.class)
                .installs();
    }

    private <T> T call(String method, String path, String bearer, Object body, Class<T> answer)
            throws KeyServerException {
        HttpURLConnection c = null;
        try {
            c = (HttpURLConnection) new URL(base + ApiPaths.relative(path)).openConnection();
            c.setRequestMethod(method);
            c.setConnectTimeout(TIMEOUT_MS);
            c.setReadTimeout(TIMEOUT_MS);
            c.setRequestProperty("Accept", "application/json");
            if (bearer != null) {
                c.setRequestProperty("Authorization", "Bearer " + bearer);
            }
            if (body != null) {
                byte[] bytes = JSON.writeValueAsBytes(body);
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json");
                c.setFixedLengthStreamingMode(bytes.length);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(bytes);
                }
            }
            int status = c.getResponseCode();
            byte[] text = read(status / 100 == 2 ? c.getInputStream() : c.getErrorStream());
            if (status / 100 != 2) {
                String code = "http_" + status;
                String message = new String(text, java.nio.charset.StandardCharsets.UTF_8);
                try {
                    ApiError err = JSON.readValue(text, ApiError.class);
                    code = err.error() != null ? err.error() : code;
                    message = err.message() != null ? err.message() : message;
                } catch (IOException notJson) {
                    // keep the raw text
                }
                throw new KeyServerException(status, code, message);
            }
            return JSON.readValue(text, answer);
        } catch (JacksonException e) { // before IOException: Jackson 2's is one
            throw new KeyServerException(200, "bad_response", path + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new KeyServerException(0, "network_error", method + " " + path + ": " + e.getMessage(), e);
        } finally {
            if (c != null) {
                c.disconnect();
            }
        }
    }

    private static byte[] read(InputStream in) throws IOException {
        if (in == null) {
            return new byte[0];
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
            return out.toByteArray();
        }
    }
}
