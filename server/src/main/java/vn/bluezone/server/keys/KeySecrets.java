package vn.bluezone.server.keys;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.bluezone.server.web.limits.ClientHasher;

/**
 * The HMAC key under which verification codes and tokens are stored. From {@code bluezone.keys.verification.code-secret}
 * when set (recommended in production: the database alone then does not allow checking guesses offline);
 * otherwise generated once and kept in the database so that every server instance agrees.
 */
@Component
public class KeySecrets implements ClientHasher {
    static final String CODE_HMAC = "code-hmac";
    private final byte[] codeKey;
    private final byte[] addressKey;

    public KeySecrets(KeysProperties props, JdbcClient jdbc, SecureRandom random, Clock clock) {
        String configured = props.verification().codeSecret();
        if (configured != null && !configured.isBlank()) {
            byte[] k;
            try {
                k = Base64.getDecoder().decode(configured.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bluezone.keys.verification.code-secret must be base64");
            }
            if (k.length < 32) {
                throw new IllegalArgumentException("bluezone.keys.verification.code-secret must hold at least 32 bytes");
            }
            codeKey = k;
        } else {
            codeKey = Base64.getDecoder().decode(loadOrCreate(jdbc, random, clock));
        }
        addressKey = hmac(codeKey, "client-address-key-v1");
    }

    private static String loadOrCreate(JdbcClient jdbc, SecureRandom random, Clock clock) {
        var existing = jdbc.sql("SELECT secret FROM keys_secret WHERE name = ?").param(CODE_HMAC).query(String.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] b = new byte[32];
        random.nextBytes(b);
        String s = Base64.getEncoder().encodeToString(b);
        try {
            jdbc.sql("INSERT INTO keys_secret (name, secret, created_at) VALUES (?, ?, ?)")
                    .params(CODE_HMAC, s, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)).update();
            return s;
        } catch (DuplicateKeyException raced) {
            return jdbc.sql("SELECT secret FROM keys_secret WHERE name = ?").param(CODE_HMAC).query(String.class).single();
        }
    }

    /** Hex HMAC-SHA256 of {@code value} under the code key; what is stored instead of codes and tokens. */
    public String codeHash(String value) {
        return HexFormat.of().formatHex(hmac(codeKey, value));
    }

    /**
     * 32 hex digits (128 bits) of HMAC-SHA256 of a client address under a key derived from the code key: what the
     * shared attempt limiter stores instead of the address. Every instance derives the same key.
     */
    @Override
    public String clientHash(String address) {
        return HexFormat.of().formatHex(hmac(addressKey, address)).substring(0, 32);
    }

    private static byte[] hmac(byte[] key, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
