package vn.bluezone.server.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Base64;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * BCrypt over a fixed-length pre-hash: base64(SHA-256(NFC(password))), 44 ASCII bytes. BCrypt reads at most 72
 * bytes, and Spring's encoder refuses longer input (a 73-128 byte password gave a 500, issue 15 §1); a Vietnamese
 * passphrase of 30 characters can already be 90 bytes of UTF-8. The pre-hash lets every character count, and NFC
 * makes a passphrase typed with composed or combining accents the same. Base64 keeps NUL bytes out of BCrypt's
 * input. Stored as {@code {bcrypt-sha256}...}; older {@code {bcrypt}} hashes still verify.
 */
public final class PrehashedBCryptPasswordEncoder implements PasswordEncoder {
    public static final String ID = "bcrypt-sha256";
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

    @Override
    public String encode(CharSequence rawPassword) {
        return bcrypt.encode(prehash(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return rawPassword != null && bcrypt.matches(prehash(rawPassword), encodedPassword);
    }

    static String prehash(CharSequence raw) {
        String nfc = Normalizer.normalize(raw, Normalizer.Form.NFC);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(nfc.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
