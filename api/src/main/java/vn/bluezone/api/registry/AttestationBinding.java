package vn.bluezone.api.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * What an attestation is bound to, so that a token made for one request is refused on another (issue 15 §3). The
 * binding is the SHA-256 of a short text naming the request:
 * <ul>
 * <li>registration: {@code bluezone-attest/register/<installationId in lower case>}: a registration that carries an
 * attestation must carry its installationId, so a replayed token can only repeat the same (idempotent) registration;
 * <li>heartbeat: {@code bluezone-attest/heartbeat/<deviceId>}.
 * </ul>
 * Play Integrity: the request's {@code nonce} is {@link #nonce} of the binding (base64url without padding, 43
 * characters, as Google asks for). App Attest: the text is the {@code clientData}, its SHA-256 the
 * {@code clientDataHash} given to {@code attestKey} / {@code generateAssertion}.
 */
public final class AttestationBinding {
    private AttestationBinding() {
    }

    public static String registrationText(String installationId) {
        return "bluezone-attest/register/" + installationId.trim().toLowerCase(Locale.ROOT);
    }

    public static String heartbeatText(String deviceId) {
        return "bluezone-attest/heartbeat/" + deviceId.trim().toLowerCase(Locale.ROOT);
    }

    /** SHA-256 of the UTF-8 bytes of a binding text (the App Attest clientDataHash). */
    public static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Play Integrity nonce of a binding text: base64url of its digest, no padding. */
    public static String nonce(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest(text));
    }
}
