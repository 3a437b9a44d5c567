package vn.bluezone.server.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.audit.AuditLog;
import vn.bluezone.server.problem.DomainException;

/**
 * API keys for officials' scripts ({@code X-Api-Key} header). A key is 256 random bits shown once at issue; the
 * server keeps only its SHA-256 (a slow password hash is unnecessary for a key of that entropy) and a short
 * prefix so the owner can tell keys apart.
 */
@Service
public class ApiKeyService {
    public static final String PREFIX = "bz_";

    private final JdbcClient jdbc;
    private final SecureRandom random;
    private final Clock clock;
    private final AuditLog audit;
    private final AccountService accounts;

    public ApiKeyService(JdbcClient jdbc, SecureRandom random, Clock clock, AuditLog audit, AccountService accounts) {
        this.jdbc = jdbc;
        this.random = random;
        this.clock = clock;
        this.audit = audit;
        this.accounts = accounts;
    }

    /** A newly issued key: {@code key} is shown to the owner once and never again. */
    public record IssuedKey(long id, String key, String prefix, String label) {
    }

    /** A stored key as listed to its owner (no secret). */
    public record KeyInfo(long id, String prefix, String label, Instant createdAt, Instant revokedAt) {
    }

    @Transactional
    public IssuedKey issue(Official owner, String label) {
        label = label == null ? null : Normalizer.normalize(label.strip(), Normalizer.Form.NFC);
        if (label != null && label.isEmpty()) {
            label = null;
        }
        if (label != null && label.length() > 100) {
            throw new DomainException(ErrorCode.INVALID_LABEL, "the label must have at most 100 characters");
        }
        String key = PREFIX + RandomSecrets.token(random, 32);
        String prefix = key.substring(0, 10);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO api_key (account_id, key_hash, key_prefix, label, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(owner.id(), hash(key), prefix, label, now()).update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(owner.username(), "apikey.issue", prefix, label);
        return new IssuedKey(id, key, prefix, label);
    }

    public List<KeyInfo> list(Official owner) {
        return jdbc.sql("SELECT * FROM api_key WHERE account_id = ? ORDER BY id").param(owner.id())
                .query((rs, n) -> new KeyInfo(rs.getLong("id"), rs.getString("key_prefix"), rs.getString("label"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject("revoked_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant).orElse(null)))
                .list();
    }

    @Transactional
    public void revoke(Official owner, long keyId) {
        int n = jdbc.sql("UPDATE api_key SET revoked_at = ? WHERE id = ? AND account_id = ? AND revoked_at IS NULL")
                .params(now(), keyId, owner.id()).update();
        if (n == 0) {
            throw new DomainException(ErrorCode.API_KEY_NOT_FOUND, "no active API key " + keyId + " of yours");
        }
        audit.record(owner.username(), "apikey.revoke", String.valueOf(keyId), null);
    }

    /** The enabled account owning an unrevoked key, if any. */
    public Optional<OfficialDetails> authenticate(String presentedKey) {
        if (presentedKey == null || !presentedKey.startsWith(PREFIX) || presentedKey.length() > 100) {
            return Optional.empty();
        }
        // Lookup by hash: an equality match on a digest of a high-entropy secret leaks nothing useful by timing.
        return jdbc.sql("SELECT account_id FROM api_key WHERE key_hash = ? AND revoked_at IS NULL")
                .param(hash(presentedKey)).query(Long.class).optional()
                .flatMap(accounts::loadEnabled);
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
