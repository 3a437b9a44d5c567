package vn.bluezone.server.keys;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.problem.DomainException;

/**
 * The server's ECDSA P-256 key pairs, kept in the database so that all instances sign alike. Purpose EXPORT
 * signs export files and the device configuration (several may be active during a rotation: files then carry
 * one signature per active key); purpose CERTIFICATE signs verification certificates (ES256 JWTs).
 * A production deployment would keep private keys in an HSM or KMS; the interface here is the seam.
 */
@Component
public class SigningKeys {
    public static final String EXPORT = "EXPORT";
    public static final String CERTIFICATE = "CERTIFICATE";

    private final JdbcClient jdbc;
    private final SecureRandom random;
    private final Clock clock;
    private final KeysProperties props;

    /** One stored key pair. */
    public record StoredKey(long id, String purpose, String keyId, String keyVersion, ECPrivateKey privateKey,
                            ECPublicKey publicKey, boolean active, Instant createdAt) {
        /** Public key as SubjectPublicKeyInfo PEM, the form GAEN key registries and openssl take. */
        public String publicKeyPem() {
            String b64 = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(publicKey.getEncoded());
            return "-----BEGIN PUBLIC KEY-----\n" + b64 + "\n-----END PUBLIC KEY-----\n";
        }
    }

    private final TransactionTemplate ownTransaction;

    public SigningKeys(JdbcClient jdbc, SecureRandom random, Clock clock, KeysProperties props,
                       PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.random = random;
        this.clock = clock;
        this.props = props;
    }

    /**
     * Active keys are read on every certificate check and upload, so they are cached briefly; a rotation made
     * on another instance is picked up within {@link #CACHE_TTL_MILLIS}.
     */
    static final long CACHE_TTL_MILLIS = 30_000;
    private final java.util.concurrent.ConcurrentHashMap<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    private record Cached(List<StoredKey> keys, long loadedAt) {
    }

    /** Active keys of a purpose, oldest first; creates the first key when there is none. */
    public List<StoredKey> active(String purpose) {
        long now = System.currentTimeMillis();
        Cached c = cache.get(purpose);
        if (c != null && now - c.loadedAt() < CACHE_TTL_MILLIS) {
            return c.keys();
        }
        List<StoredKey> keys = loadActive(purpose);
        cache.put(purpose, new Cached(keys, now));
        return keys;
    }

    private List<StoredKey> loadActive(String purpose) {
        List<StoredKey> keys = query("SELECT * FROM signing_key WHERE purpose = ? AND active = TRUE ORDER BY id", purpose);
        if (keys.isEmpty()) {
            // The first key is created in its own transaction: a caller's transaction must not be aborted
            // (PostgreSQL) when another thread or instance created it at the same moment.
            synchronized (this) {
                try {
                    ownTransaction.executeWithoutResult(s -> {
                        if (query("SELECT * FROM signing_key WHERE purpose = ? AND active = TRUE", purpose).isEmpty()) {
                            create(purpose, props.signing().keyId(), props.signing().keyVersion());
                        }
                    });
                } catch (DuplicateKeyException raced) {
                    // Another instance created it: use theirs.
                }
            }
            keys = query("SELECT * FROM signing_key WHERE purpose = ? AND active = TRUE ORDER BY id", purpose);
        }
        return keys;
    }

    /** Creates the first keys at start-up, so that requests find them. */
    @EventListener(ApplicationReadyEvent.class)
    public void ensureKeys() {
        active(EXPORT);
        active(CERTIFICATE);
    }

    public List<StoredKey> all(String purpose) {
        return query("SELECT * FROM signing_key WHERE purpose = ? ORDER BY id", purpose);
    }

    /** Newest active key: the one new certificates and configurations are signed with. */
    public StoredKey current(String purpose) {
        List<StoredKey> a = active(purpose);
        return a.get(a.size() - 1);
    }

    /** Adds a new active key version (rotation); the previous ones stay active until retired. */
    @Transactional
    public StoredKey rotate(String purpose, String keyVersion) {
        if (keyVersion == null || !keyVersion.matches("[A-Za-z0-9_]{1,16}")) {
            throw new DomainException(ErrorCode.INVALID_KEY_VERSION, "key version must be 1-16 characters [A-Za-z0-9_]");
        }
        try {
            create(purpose, props.signing().keyId(), keyVersion);
        } catch (DuplicateKeyException e) {
            throw new DomainException(ErrorCode.KEY_VERSION_EXISTS, "key version " + keyVersion + " already exists");
        }
        cache.remove(purpose);
        return current(purpose);
    }

    /** Stops signing with a key version; at least one key must stay active. */
    @Transactional
    public void retire(String purpose, String keyVersion) {
        List<StoredKey> a = active(purpose);
        if (a.size() <= 1) {
            throw new DomainException(ErrorCode.LAST_ACTIVE_KEY, "rotate in a new key before retiring the last active one");
        }
        int n = jdbc.sql("UPDATE signing_key SET active = FALSE WHERE purpose = ? AND key_version = ? AND active = TRUE")
                .params(purpose, keyVersion).update();
        if (n == 0) {
            throw new DomainException(ErrorCode.KEY_NOT_FOUND, "no active key version " + keyVersion);
        }
        cache.remove(purpose);
    }

    private void create(String purpose, String keyId, String keyVersion) {
        KeyPair pair = generate();
        jdbc.sql("""
                INSERT INTO signing_key (purpose, key_id, key_version, private_key, public_key, active, created_at)
                VALUES (?, ?, ?, ?, ?, TRUE, ?)""")
                .params(purpose, keyId, keyVersion,
                        Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()),
                        Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
                        OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                .update();
    }

    private KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"), random);
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException("cannot generate a P-256 key pair", e);
        }
    }

    private List<StoredKey> query(String sql, String purpose) {
        return jdbc.sql(sql).param(purpose).query((rs, n) -> new StoredKey(rs.getLong("id"), rs.getString("purpose"),
                rs.getString("key_id"), rs.getString("key_version"),
                (ECPrivateKey) decodePrivate(rs.getString("private_key")),
                (ECPublicKey) decodePublic(rs.getString("public_key")), rs.getBoolean("active"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant())).list();
    }

    private static PrivateKey decodePrivate(String b64) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(b64)));
        } catch (Exception e) {
            throw new IllegalStateException("stored signing key is unreadable", e);
        }
    }

    private static PublicKey decodePublic(String b64) {
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
        } catch (Exception e) {
            throw new IllegalStateException("stored public key is unreadable", e);
        }
    }
}
