package vn.bluezone.server.web.limits;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code bluezone.http.*}: request body limits, checked before anything parses a body (issue 15 §1: a 30 MB JSON
 * {@code model} used to be parsed whole before it was refused).
 *
 * @param bodyReadTimeout    a phone's request body must arrive within this time (device API; 408 otherwise)
 * @param registration       {@code POST /api/v1/devices}
 * @param heartbeat          {@code POST /api/v1/devices/{id}/heartbeat}
 * @param verification       {@code POST /api/v1/verify} and {@code /certificate}
 * @param upload             {@code POST /api/v1/diagnosis-keys} (30 keys ≈ 3 KB, 100 check-ins ≈ 30 KB, certificate ≈ 1 KB, padding ≤ 2 KB)
 * @param deviceOther        any other device-facing API call
 * @param admin              officials' JSON API calls
 * @param imports            file imports (CSV/XLSX, multipart or plain)
 * @param consoleForm        console form posts
 * @param blockingBodyReads  console and officials' requests with a body processed at once; the rest get 503 at
 *                           once, so slow bodies can never take all of Tomcat's threads
 */
@ConfigurationProperties("bluezone.http")
public record HttpLimitsProperties(Duration bodyReadTimeout, DataSize registration, DataSize heartbeat,
                                   DataSize verification, DataSize upload, DataSize deviceOther, DataSize admin,
                                   DataSize imports, DataSize consoleForm, Integer blockingBodyReads,
                                   java.util.List<String> trustedProxies) {
    public HttpLimitsProperties {
        bodyReadTimeout = bodyReadTimeout == null ? Duration.ofSeconds(10) : bodyReadTimeout;
        // An App Attest attestation object is about 5.5 KB (7.5 KB in base64); a Play Integrity token 1-3 KB; an
        // Android key attestation chain (3-5 certificates, an RSA-4096 root among them) 4-6 KB in base64, on
        // heartbeats too.
        registration = or(registration, DataSize.ofKilobytes(16));
        heartbeat = or(heartbeat, DataSize.ofKilobytes(12));
        verification = or(verification, DataSize.ofKilobytes(2));
        upload = or(upload, DataSize.ofKilobytes(64));
        deviceOther = or(deviceOther, DataSize.ofKilobytes(16));
        admin = or(admin, DataSize.ofMegabytes(1));
        imports = or(imports, DataSize.ofMegabytes(10));
        consoleForm = or(consoleForm, DataSize.ofKilobytes(256));
        blockingBodyReads = blockingBodyReads == null ? 24 : blockingBodyReads;
        trustedProxies = trustedProxies == null ? java.util.List.of() : java.util.List.copyOf(trustedProxies);
        new TrustedProxies(trustedProxies); // refuses a malformed entry at start-up
        if (bodyReadTimeout.isNegative() || bodyReadTimeout.isZero() || bodyReadTimeout.toSeconds() > 300) {
            throw new IllegalArgumentException("bluezone.http.body-read-timeout must be between 1 ms and 5 minutes");
        }
        if (blockingBodyReads < 1 || blockingBodyReads > 1000) {
            throw new IllegalArgumentException("bluezone.http.blocking-body-reads must be between 1 and 1000");
        }
    }

    private static DataSize or(DataSize v, DataSize d) {
        if (v != null && (v.toBytes() < 1 || v.toMegabytes() > 1024)) {
            throw new IllegalArgumentException("bluezone.http body limits must be between 1 byte and 1 GB (was " + v + ")");
        }
        return v == null ? d : v;
    }

    /** The largest body accepted for this request, by path (the endpoint is known before the body is read). */
    public long limitFor(String method, String path, boolean multipart) {
        if (path.endsWith("/import") || multipart) {
            return imports.toBytes();
        }
        if (path.startsWith("/api/v1/admin/")) {
            return admin.toBytes();
        }
        if (!path.startsWith("/api/")) {
            return consoleForm.toBytes();
        }
        if (path.equals("/api/v1/devices")) {
            return registration.toBytes();
        }
        if (path.startsWith("/api/v1/devices/") && path.endsWith("/heartbeat")) {
            return heartbeat.toBytes();
        }
        if (path.equals("/api/v1/verify") || path.equals("/api/v1/certificate")) {
            return verification.toBytes();
        }
        if (path.equals("/api/v1/diagnosis-keys")) {
            return upload.toBytes();
        }
        return deviceOther.toBytes();
    }
}
