package vn.bluezone.device.port;

import java.util.List;

import vn.bluezone.device.server.DiagnosisKeyUpload;
import vn.bluezone.device.server.ExportPublicKey;
import vn.bluezone.device.server.KeyServerException;
import vn.bluezone.device.server.SignedConfiguration;
import vn.bluezone.device.server.SubmissionResult;
import vn.bluezone.device.server.VerifiedCode;

/**
 * Port to the health authority's key server. These calls are everything that ever leaves the phone: a
 * verification code the user typed, an HMAC of the keys, and (after consent) the phone's own daily keys.
 * Downloads carry nothing about the phone. Failures throw {@link KeyServerException} with the server's stable
 * error code.
 */
public interface KeyServerClient {
    /** {@code POST /api/v1/verify}: exchanges the health officer's code for a single-use verification token. */
    VerifiedCode verify(String code) throws KeyServerException;

    /** {@code POST /api/v1/certificate}: a signed certificate binding the HMAC of the keys about to be uploaded. */
    String certificate(String token, String keyHmacBase64) throws KeyServerException;

    /** {@code POST /api/v1/diagnosis-keys}: uploads the keys with the certificate and the HMAC key. */
    SubmissionResult submit(DiagnosisKeyUpload upload) throws KeyServerException;

    /** {@code GET /api/v1/exports/{region}/index.txt}: export file names, oldest first. */
    List<String> exportIndex(String region) throws KeyServerException;

    /** {@code GET /api/v1/exports/{region}/{file}}: one export ZIP, as listed in the index. */
    byte[] exportFile(String region, String fileName) throws KeyServerException;

    /** {@code GET /api/v1/exports/public-key}: the key that signs export files (trust it only if configured). */
    ExportPublicKey exportPublicKey() throws KeyServerException;

    /** {@code GET /api/v1/config}: the signed risk and scanning configuration. */
    SignedConfiguration configuration() throws KeyServerException;

    /** A client for a phone with no network: every call fails with {@code offline}. */
    static KeyServerClient offline() {
        return (KeyServerClient) java.lang.reflect.Proxy.newProxyInstance(KeyServerClient.class.getClassLoader(),
                new Class<?>[] {KeyServerClient.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "toString" -> "KeyServerClient.offline()";
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> proxy == args[0];
                        };
                    }
                    throw new KeyServerException(0, "offline", "no key server: " + method.getName());
                });
    }
}
