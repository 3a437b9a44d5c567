package vn.bluezone.server.registry;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import vn.bluezone.server.web.limits.NetworkPrefix;

/**
 * The keyed hash under which a network prefix is counted: HMAC-SHA256(key, "/24 or /56 prefix"), first 128 bits in
 * hex. Never the address nor the prefix: the rule needs only "the same network", not which one. The key comes from
 * {@code bluezone.registry.prefixes.secret}, else from the database (made once, so every instance agrees).
 */
@Component
public class PrefixHasher {
    static final String NAME = "prefix-hmac";
    private final byte[] key;

    public PrefixHasher(RegistrationPrefixProperties props, JdbcTemplate jdbc, RegistryClock clock) {
        String configured = props.secret();
        if (configured != null && !configured.isBlank()) {
            byte[] k;
            try {
                k = Base64.getDecoder().decode(configured.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bluezone.registry.prefixes.secret must be base64");
            }
            if (k.length < 32) {
                throw new IllegalArgumentException("bluezone.registry.prefixes.secret must hold at least 32 bytes");
            }
            key = k;
        } else {
            key = Base64.getDecoder().decode(loadOrCreate(jdbc, clock.clock().instant()));
        }
    }

    private static String loadOrCreate(JdbcTemplate jdbc, Instant now) {
        for (int attempt = 0; attempt < 2; attempt++) {
            var existing = jdbc.queryForList("SELECT secret FROM registry_secret WHERE name = ?", String.class, NAME);
            if (!existing.isEmpty()) {
                return existing.get(0);
            }
            byte[] b = new byte[32];
            new SecureRandom().nextBytes(b);
            String s = Base64.getEncoder().encodeToString(b);
            try {
                jdbc.update("INSERT INTO registry_secret (name, secret, created_at) VALUES (?, ?, ?)", NAME, s,
                        Timestamp.from(now));
                return s;
            } catch (DuplicateKeyException raced) {
                // another instance made it first: read theirs
            }
        }
        throw new IllegalStateException("registry_secret: could not read or create " + NAME);
    }

    /** The keyed hash of the prefix {@code clientAddress} belongs to. */
    public String hash(String clientAddress) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = mac.doFinal(NetworkPrefix.of(clientAddress).value().getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(full, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
