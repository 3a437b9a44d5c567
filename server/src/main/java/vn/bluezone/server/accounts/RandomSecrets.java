package vn.bluezone.server.accounts;

import java.security.SecureRandom;
import java.util.Base64;

/** Random passwords and tokens. The alphabet leaves out look-alike characters (0/O, 1/l/I) for human reading. */
public final class RandomSecrets {
    /** Upper-case letters and digits without 0, O, 1, I, L, U: easy to read aloud and to type from an SMS. */
    public static final String UNAMBIGUOUS = "ABCDEFGHJKMNPQRSTVWXYZ23456789";

    private RandomSecrets() {
    }

    public static String fromAlphabet(SecureRandom random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    /** A password for a new account: 20 characters, about 98 bits. */
    public static String password(SecureRandom random) {
        return fromAlphabet(random, UNAMBIGUOUS + "abcdefghjkmnpqrstvwxyz", 20);
    }

    /** {@code bytes} random bytes, URL-safe base64 without padding. */
    public static String token(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
