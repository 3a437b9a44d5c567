package vn.bluezone.server.registry.attestation;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The SHA-256 digests of the app's signing certificate(s) a deployment accepts. Written as {@code apksigner verify
 * --print-certs}, {@code keytool -list -v} and Play Console print them (hex, colons allowed) or as base64 / base64url
 * (Play Integrity's {@code certificateSha256Digest}). Empty: not checked.
 */
final class SigningDigests {
    private final List<byte[]> digests = new ArrayList<>();

    SigningDigests(List<String> configured, String setting) {
        for (String d : configured == null ? List.<String>of() : configured) {
            if (d == null || d.isBlank()) {
                continue;
            }
            byte[] bytes = parse(d);
            if (bytes == null || bytes.length != 32) {
                throw new IllegalStateException(setting + ": \"" + d + "\" is not a SHA-256 digest (64 hex digits, "
                        + "colons allowed, or base64)");
            }
            digests.add(bytes);
        }
    }

    boolean configured() {
        return !digests.isEmpty();
    }

    /** Whether any of {@code candidates} is one of the configured digests. */
    boolean anyMatches(List<byte[]> candidates) {
        for (byte[] c : candidates) {
            for (byte[] d : digests) {
                if (MessageDigest.isEqual(c, d)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Hex (colons allowed), else base64 or base64url (padding optional); null when neither. */
    static byte[] parse(String text) {
        String t = text.trim();
        String hex = t.replace(":", "").toLowerCase(Locale.ROOT);
        if (hex.length() == 64 && hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return HexFormat.of().parseHex(hex);
        }
        try {
            return Base64.getUrlDecoder().decode(t.replace('+', '-').replace('/', '_').replace("=", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
