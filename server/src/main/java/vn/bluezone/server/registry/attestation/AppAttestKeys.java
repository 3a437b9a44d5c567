package vn.bluezone.server.registry.attestation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * App Attest public keys accepted from an attestation object (table {@code app_attest_key}, migration V214), with the
 * last assertion counter seen and the one install the key attests. Holds no personal data: a key id is the hash of a
 * key that lives in one app install's Secure Enclave.
 */
public class AppAttestKeys {
    record StoredKey(String keyId, byte[] publicKey, long signCount, String deviceId) {
    }

    private final JdbcTemplate jdbc;

    public AppAttestKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredKey> find(String keyId) {
        return jdbc.query("SELECT key_id, public_key, sign_count, device_id FROM app_attest_key WHERE key_id = ?",
                (rs, n) -> new StoredKey(rs.getString(1), java.util.Base64.getDecoder().decode(rs.getString(2)),
                        rs.getLong(3), rs.getString(4)), keyId).stream().findFirst();
    }

    /** Stores a newly attested key (counter 0); false when the key id is already stored. */
    boolean add(String keyId, byte[] publicKey, Instant now) {
        return jdbc.update("INSERT INTO app_attest_key (key_id, public_key, sign_count, attested_at) "
                + "VALUES (?, ?, 0, ?) ON CONFLICT DO NOTHING", keyId,
                java.util.Base64.getEncoder().encodeToString(publicKey), Timestamp.from(now)) == 1;
    }

    /**
     * Moves the key's counter to {@code counter} only when it is larger than the stored one: two requests racing
     * with the same assertion cannot both pass. False for a counter that did not increase (a replay).
     */
    boolean advance(String keyId, long counter) {
        return jdbc.update("UPDATE app_attest_key SET sign_count = ? WHERE key_id = ? AND sign_count < ?",
                counter, keyId, counter) == 1;
    }

    /** Ties the key to the install it attests; false when it already attests another install. */
    public boolean bind(String keyId, String deviceId) {
        return jdbc.update("UPDATE app_attest_key SET device_id = ? WHERE key_id = ? "
                + "AND (device_id IS NULL OR device_id = ?)", deviceId, keyId, deviceId) == 1;
    }
}
