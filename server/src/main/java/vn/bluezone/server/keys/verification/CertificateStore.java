package vn.bluezone.server.keys.verification;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one owner of {@code issued_certificate}: every certificate the verification server signs is recorded here
 * (JWT id, SHA-256 of the whole token, expiry), redeemed here by its upload (with the answer kept for a retry), and
 * deleted here a day after it expired. Statements go through {@link JdbcClient}; the batched redemption of a group
 * commit goes through {@link JdbcTemplate#batchUpdate}, because {@code JdbcClient} has no batch statement.
 */
@Repository
public class CertificateStore {
    private static final String REDEEM = """
            UPDATE issued_certificate SET used_at = ?, upload_result = ?
            WHERE jti = ? AND token_hash = ? AND used_at IS NULL AND expires_at > ?""";

    /**
     * Redeem the record {@code jti} made for the token hashing to {@code tokenHash} at {@code at}, keeping
     * {@code uploadResult} (null: kept later, see {@link #keepResult}) with it.
     */
    public record Redemption(String jti, String tokenHash, Instant at, String uploadResult) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    public CertificateStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Records a certificate just signed (unused). */
    public void recordIssued(String jti, String tokenHash, Instant expiresAt) {
        jdbc.sql("INSERT INTO issued_certificate (jti, token_hash, expires_at) VALUES (?, ?, ?)")
                .params(jti, tokenHash, utc(expiresAt)).update();
    }

    /** Marks the matching unused, unexpired record used; false when there is none (used, expired, other token). */
    public boolean redeem(Redemption r) {
        return jdbc.sql(REDEEM).params(utc(r.at()), new SqlParameterValue(Types.VARCHAR,
                r.uploadResult()), r.jti(), r.tokenHash(), utc(r.at())).update() == 1;
    }

    /** {@link #redeem} for many uploads in one batched statement (the group commit); one flag per redemption. */
    public boolean[] redeemMany(List<Redemption> redemptions) {
        int[] counts = batch.batchUpdate(REDEEM, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Redemption r = redemptions.get(i);
                ps.setObject(1, utc(r.at()));
                ps.setString(2, r.uploadResult());
                ps.setString(3, r.jti());
                ps.setString(4, r.tokenHash());
                ps.setObject(5, utc(r.at()));
            }

            @Override
            public int getBatchSize() {
                return redemptions.size();
            }
        });
        boolean[] redeemed = new boolean[redemptions.size()];
        for (int i = 0; i < counts.length; i++) {
            redeemed[i] = counts[i] == 1;
        }
        return redeemed;
    }

    /** Whether a record exists for this JWT id, used or not. */
    public boolean isRecorded(String jti) {
        return jdbc.sql("SELECT COUNT(*) FROM issued_certificate WHERE jti = ?").param(jti).query(Long.class)
                .single() > 0;
    }

    /**
     * Records a certificate signed elsewhere (another verification server sharing the key) as used at {@code at};
     * false when a record with its id exists already (a concurrent upload of the same certificate).
     */
    public boolean recordRedeemed(String jti, String tokenHash, Instant expiresAt, Instant at) {
        try {
            jdbc.sql("INSERT INTO issued_certificate (jti, token_hash, expires_at, used_at) VALUES (?, ?, ?, ?)")
                    .params(jti, tokenHash, utc(expiresAt), utc(at)).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Keeps the upload's per-key answer with its certificate, for a retry. */
    public void keepResult(String jti, String uploadResult) {
        jdbc.sql("UPDATE issued_certificate SET upload_result = ? WHERE jti = ?").params(uploadResult, jti).update();
    }

    /** The answer kept with a used certificate of this id and token hash, if any. */
    public Optional<String> keptResult(String jti, String tokenHash) {
        return jdbc.sql("""
                        SELECT upload_result FROM issued_certificate
                        WHERE jti = ? AND token_hash = ? AND used_at IS NOT NULL AND upload_result IS NOT NULL""")
                .params(jti, tokenHash).query(String.class).optional();
    }

    /** Deletes records that expired before {@code before}; returns how many. */
    public int deleteExpiredBefore(Instant before) {
        return jdbc.sql("DELETE FROM issued_certificate WHERE expires_at < ?").param(utc(before)).update();
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
