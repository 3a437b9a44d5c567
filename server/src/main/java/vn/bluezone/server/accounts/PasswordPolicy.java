package vn.bluezone.server.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.problem.DomainException;

/**
 * What an official's password must be: 10 to 256 characters (long Vietnamese passphrases welcome: the hash reads
 * every character, see {@code PrehashedBCryptPasswordEncoder}), not one of the commonest passwords
 * ({@code accounts/common-passwords.txt}), not one character repeated, not a run of the keyboard or of digits, and
 * not the username. Refusals are 400 {@code WEAK_PASSWORD}.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 256;
    private static final Set<String> COMMON = load();
    private static final String[] RUNS = {"0123456789012345678901234567890", "9876543210987654321098765432109",
            "abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm", "zyxwvutsrqponmlkjihgfedcba"};

    private PasswordPolicy() {
    }

    /** Throws 400 {@code WEAK_PASSWORD} with the reason, or returns. */
    public static void check(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw weak("password must have at least " + MIN_LENGTH + " characters");
        }
        if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
            throw weak("password must have at most " + MAX_LENGTH + " characters");
        }
        String folded = fold(password);
        if (COMMON.contains(folded)) {
            throw weak("this password is among the most common ones; choose another");
        }
        if (folded.chars().distinct().count() <= 2) {
            throw weak("a password of one or two repeated characters is too easy to guess");
        }
        for (String run : RUNS) {
            if (run.contains(folded)) {
                throw weak("a run of the keyboard or of digits is too easy to guess");
            }
        }
        if (username != null && username.length() >= 3 && folded.contains(fold(username))) {
            throw weak("the password must not contain the username");
        }
    }

    private static DomainException weak(String message) {
        return new DomainException(ErrorCode.WEAK_PASSWORD, message);
    }

    /** NFC, lower case, no Vietnamese diacritics (đ → d), no spaces: "Mật khẩu 123" and "matkhau123" are the same. */
    static String fold(String s) {
        String d = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").replace('đ', 'd');
        return d.replaceAll("\\s+", "");
    }

    private static Set<String> load() {
        Set<String> set = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/accounts/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("accounts/common-passwords.txt is missing from the build");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) {
                    set.add(fold(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(set);
    }
}
