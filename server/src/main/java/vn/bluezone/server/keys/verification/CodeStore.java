package vn.bluezone.server.keys.verification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.server.keys.verification.VerificationService.CodeStatus;

/**
 * The one owner of {@code verification_code} and {@code verification_token}: codes are stored only as keyed
 * hashes, tokens likewise; records in and out, on {@link JdbcClient}. A code's status (claimed, expired,
 * unclaimed) depends on the time, so the readers take {@code now}.
 */
@Repository
public class CodeStore {
    /** A code to store: the hashes of its short and long forms and what the officer entered. */
    public record NewCode(String publicId, String shortHash, String longHash, ReportType type, LocalDate symptomDate,
                          LocalDate testDate, String region, String issuedBy, Instant issuedAt, Instant shortExpiresAt,
                          Instant longExpiresAt, String caseReference) {
    }

    /** A stored code as a phone's verification needs it. */
    public record Secret(long id, String shortHash, String longHash, ReportType type, LocalDate symptomDate,
                         LocalDate testDate, String region, Instant shortExpiresAt, Instant longExpiresAt,
                         Instant claimedAt, Instant expiredAt) {
    }

    /** A stored token. */
    public record Token(String hash, long codeId, ReportType type, LocalDate symptomDate, LocalDate testDate,
                        String region, Instant expiresAt, Instant usedAt) {
    }

    private final JdbcClient jdbc;

    public CodeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a code; a duplicate hash throws {@code DuplicateKeyException} (run it in a savepoint). */
    public void insert(NewCode c) {
        jdbc.sql("""
                INSERT INTO verification_code (public_id, short_code_hash, long_code_hash, report_type,
                    symptom_date, test_date, region, issued_by, issued_at, short_expires_at, long_expires_at,
                    case_reference)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.publicId(), c.shortHash(), c.longHash(), c.type().code(), c.symptomDate(), c.testDate(),
                        c.region(), c.issuedBy(), utc(c.issuedAt()), utc(c.shortExpiresAt()), utc(c.longExpiresAt()),
                        c.caseReference())
                .update();
    }

    public void markSmsSent(String publicId, Instant at) {
        jdbc.sql("UPDATE verification_code SET sms_sent_at = ? WHERE public_id = ?").params(utc(at), publicId).update();
    }

    /** At most two codes whose id starts with {@code prefix} (lower case), newest first. */
    public List<CodeStatus> byIdPrefix(String prefix, Instant now) {
        return jdbc.sql("SELECT * FROM verification_code WHERE public_id LIKE ? ORDER BY id DESC LIMIT 2")
                .param(prefix + "%").query((rs, n) -> status(rs, now)).list();
    }

    public Optional<CodeStatus> byId(String publicId, Instant now) {
        return jdbc.sql("SELECT * FROM verification_code WHERE public_id = ?").param(publicId)
                .query((rs, n) -> status(rs, now)).optional();
    }

    /** The newest {@code limit} codes, of one issuer or (issuer null) of all. */
    public List<CodeStatus> recent(String issuer, int limit, Instant now) {
        if (issuer == null) {
            return jdbc.sql("SELECT * FROM verification_code ORDER BY id DESC LIMIT " + limit)
                    .query((rs, n) -> status(rs, now)).list();
        }
        return jdbc.sql("SELECT * FROM verification_code WHERE issued_by = ? ORDER BY id DESC LIMIT " + limit)
                .param(issuer).query((rs, n) -> status(rs, now)).list();
    }

    /** Codes issued from {@code from} on, oldest first (at most 100,000). */
    public List<CodeStatus> issuedSince(Instant from, Instant now) {
        return jdbc.sql("SELECT * FROM verification_code WHERE issued_at >= ? ORDER BY id LIMIT 100000")
                .param(utc(from)).query((rs, n) -> status(rs, now)).list();
    }

    public void expire(String publicId, Instant at) {
        jdbc.sql("UPDATE verification_code SET expired_at = ? WHERE public_id = ? AND expired_at IS NULL")
                .params(utc(at), publicId).update();
    }

    /** The code whose short or long form hashes to {@code hash}. */
    public Optional<Secret> byHash(String hash) {
        return jdbc.sql("SELECT * FROM verification_code WHERE short_code_hash = ? OR long_code_hash = ?")
                .params(hash, hash)
                .query((rs, n) -> new Secret(rs.getLong("id"), rs.getString("short_code_hash"),
                        rs.getString("long_code_hash"), ReportType.ofCode(rs.getInt("report_type")),
                        rs.getObject("symptom_date", LocalDate.class), rs.getObject("test_date", LocalDate.class),
                        rs.getString("region"), instant(rs, "short_expires_at"), instant(rs, "long_expires_at"),
                        instant(rs, "claimed_at"), instant(rs, "expired_at")))
                .optional();
    }

    /** Claims an unclaimed, unexpired code; false when another request claimed it first. */
    public boolean claim(long id, Instant at) {
        return jdbc.sql("UPDATE verification_code SET claimed_at = ? WHERE id = ? AND claimed_at IS NULL AND expired_at IS NULL")
                .params(utc(at), id).update() == 1;
    }

    public void insertToken(Token t) {
        jdbc.sql("""
                INSERT INTO verification_token (token_hash, code_id, report_type, symptom_date, test_date, region, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(t.hash(), t.codeId(), t.type().code(), t.symptomDate(), t.testDate(), t.region(),
                        utc(t.expiresAt()))
                .update();
    }

    public Optional<Token> token(String hash) {
        return jdbc.sql("SELECT * FROM verification_token WHERE token_hash = ?").param(hash)
                .query((rs, n) -> new Token(rs.getString("token_hash"), rs.getLong("code_id"),
                        ReportType.ofCode(rs.getInt("report_type")), rs.getObject("symptom_date", LocalDate.class),
                        rs.getObject("test_date", LocalDate.class), rs.getString("region"), instant(rs, "expires_at"),
                        instant(rs, "used_at")))
                .optional();
    }

    /** Uses an unused token; false when it was used already. */
    public boolean useToken(String hash, Instant at) {
        return jdbc.sql("UPDATE verification_token SET used_at = ? WHERE token_hash = ? AND used_at IS NULL")
                .params(utc(at), hash).update() == 1;
    }

    /** Retention: tokens that expired before {@code before}. */
    public int deleteTokensExpiredBefore(Instant before) {
        return jdbc.sql("DELETE FROM verification_token WHERE expires_at < ?").param(utc(before)).update();
    }

    /** Retention: codes issued before {@code before}; returns how many. */
    public int deleteCodesIssuedBefore(Instant before) {
        return jdbc.sql("DELETE FROM verification_code WHERE issued_at < ?").param(utc(before)).update();
    }

    private static CodeStatus status(ResultSet rs, Instant now) throws SQLException {
        Instant claimed = instant(rs, "claimed_at");
        Instant expired = instant(rs, "expired_at");
        Instant longExp = instant(rs, "long_expires_at");
        String status = claimed != null ? "CLAIMED"
                : expired != null || !now.isBefore(longExp) ? "EXPIRED" : "UNCLAIMED";
        return new CodeStatus(rs.getString("public_id"), status, ReportType.ofCode(rs.getInt("report_type")),
                rs.getObject("symptom_date", LocalDate.class), rs.getObject("test_date", LocalDate.class),
                rs.getString("region"), rs.getString("issued_by"), instant(rs, "issued_at"),
                instant(rs, "short_expires_at"), longExp, claimed, expired, rs.getString("case_reference"),
                instant(rs, "sms_sent_at"));
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
