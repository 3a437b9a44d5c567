package vn.bluezone.server.registry;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.charset.StandardCharsets;

/**
 * Codes people type or read aloud: digits and capitals without 0/O, 1/I/L (31 symbols, as in Crockford's base32
 * reasoning), so an install code read off a phone screen is not mistyped. Secrets are 256 random bits.
 */
public final class ShortCodes {
    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ShortCodes() {
    }

    /** 248 = 8 × 31: random bytes at or above it are skipped, so every symbol is equally likely. */
    private static final int UNBIASED = 256 - 256 % ALPHABET.length();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    /**
     * A random code: one call to the shared SecureRandom for all its symbols (it serialises callers, and a
     * registration draws two codes; issue 15 §5), each symbol from one byte below {@link #UNBIASED}.
     */
    public static String code(int length) {
        char[] c = new char[length];
        byte[] b = new byte[length + 8];
        int used = b.length;
        for (int i = 0; i < length; ) {
            if (used == b.length) {
                RANDOM.nextBytes(b);
                used = 0;
            }
            int v = b[used++] & 0xff;
            if (v < UNBIASED) {
                c[i++] = ALPHABET.charAt(v % ALPHABET.length());
            }
        }
        return new String(c);
    }

    /** Upper-cases and maps look-alikes (O→0 is not in the alphabet, so 'O' stays invalid) before validation. */
    public static String normalise(String code) {
        return code == null ? null : code.trim().replace("-", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }

    public static boolean isCode(String code, int length) {
        if (code == null || code.length() != length) {
            return false;
        }
        return code.chars().allMatch(ch -> ALPHABET.indexOf(ch) >= 0);
    }

    public static String secret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** SHA-256 is enough for a 256-bit random secret: there is nothing to brute-force, unlike a password. */
    public static String hash(String secret) {
        return HexFormat.of().formatHex(SHA256.get().digest(secret.getBytes(StandardCharsets.UTF_8)));
    }
}
