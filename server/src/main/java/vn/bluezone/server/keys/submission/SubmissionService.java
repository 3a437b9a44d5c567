package vn.bluezone.server.keys.submission;

import java.security.MessageDigest;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.bluezone.api.ApiLimits;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.api.KeyHmac;
import vn.bluezone.api.submission.DiagnosisKey;
import vn.bluezone.api.submission.DiagnosisKeysRequest;
import vn.bluezone.api.submission.DiagnosisKeysResponse;
import vn.bluezone.api.submission.KeyResult;
import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.server.checkins.CheckinSubmission;
import vn.bluezone.server.keys.KeysProperties;
import vn.bluezone.server.keys.verification.CertificateSigner;
import vn.bluezone.server.web.ApiException;

/**
 * Stores a confirmed case's keys. The certificate must verify, match the HMAC of exactly these keys and not
 * have been used; then each key is checked on its own. Everything (the certificate's use and the keys) is
 * committed in one transaction before the answer is sent, so an accepted upload survives a crash.
 */
@Service
public class SubmissionService {
    /** Days since symptom onset outside this range are not sent to phones (the export format's range). */
    static final int MAX_ABS_DAYS_SINCE_ONSET = 14;

    private final JdbcTemplate jdbc;
    private final CertificateSigner certificates;
    private final KeysProperties props;
    private final Clock clock;
    private final ChaffResponder chaff;
    private final KeyValidator validator;
    private final GroupCommit groupCommit;
    private final TransactionTemplate tx;
    private final CheckinSubmission checkins;

    public SubmissionService(JdbcTemplate jdbc, CertificateSigner certificates, KeysProperties props, Clock clock,
                             ChaffResponder chaff, GroupCommit groupCommit, PlatformTransactionManager transactions,
                             CheckinSubmission checkins) {
        this.checkins = checkins;
        this.groupCommit = groupCommit;
        this.tx = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.certificates = certificates;
        this.props = props;
        this.clock = clock;
        this.chaff = chaff;
        this.validator = new KeyValidator(props.submission());
    }

    /**
     * Fast path first: a certificate that parses, whose HMAC matches these keys, is redeemed against its issue
     * record together with storing the keys, in a transaction shared with concurrent uploads
     * ({@link GroupCommit}). Anything else (no record, used, expired, forged, HMAC mismatch) takes the full path
     * in a transaction of its own, which tells the cases apart with their stable codes.
     */
    public DiagnosisKeysResponse submit(DiagnosisKeysRequest req) {
        List<DiagnosisKey> keys = req.temporaryExposureKeys();
        if (keys != null && !keys.isEmpty() && keys.size() <= props.submission().maxKeys() && req.certificate() != null
                && !req.certificate().isBlank()) {
            DiagnosisKeysResponse fast = fastPath(req, decodeHmacKey(req.hmacKey()), clock.instant());
            if (fast != null) {
                return fast;
            }
        }
        return tx.execute(s -> fullPath(req));
    }

    private DiagnosisKeysResponse fastPath(DiagnosisKeysRequest req, byte[] hmacKey, Instant now) {
        String certificate = req.certificate().trim();
        CertificateSigner.Claims cert;
        byte[] expected;
        try {
            cert = certificates.claimsOfRecorded(certificate);
            expected = Base64.getDecoder().decode(cert.tekmac() == null ? "" : cert.tekmac());
        } catch (ApiException | IllegalArgumentException e) {
            return null;
        }
        if (cert.jti() == null || !MessageDigest.isEqual(expected, KeyHmac.compute(hmacKey, req.temporaryExposureKeys(),
                req.checkins()))) {
            return null;
        }
        CheckinSubmission.Checked checked = checkins.check(req.checkins());
        KeyValidator.Outcome outcome = validator.validate(req.temporaryExposureKeys(), EnIntervalNumber.of(now));
        boolean stored = groupCommit.commit(new GroupCommit.Upload(cert.jti(), CertificateSigner.tokenHash(certificate),
                now.atOffset(ZoneOffset.UTC), UploadResult.encode(outcome.reasons()), rows(outcome.accepted(), cert, now),
                checkins.rows(checked, cert.region(), now)));
        return stored ? response(req, outcome, checked) : null;
    }

    private DiagnosisKeysResponse fullPath(DiagnosisKeysRequest req) {
        List<DiagnosisKey> keys = req.temporaryExposureKeys();
        if (keys == null || keys.isEmpty()) {
            throw ApiException.badRequest(ErrorCode.NO_KEYS, "temporaryExposureKeys must hold 1 to " + props.submission().maxKeys() + " keys");
        }
        if (keys.size() > props.submission().maxKeys()) {
            throw ApiException.badRequest(ErrorCode.TOO_MANY_KEYS, "at most " + props.submission().maxKeys() + " keys per upload");
        }
        if (req.certificate() == null || req.certificate().isBlank()) {
            throw ApiException.badRequest(ErrorCode.MISSING_CERTIFICATE, "certificate is required");
        }
        byte[] hmacKey = decodeHmacKey(req.hmacKey());
        CheckinSubmission.Checked checked = checkins.check(req.checkins());
        Instant now = clock.instant();
        DiagnosisKeysResponse replay = replay(req, hmacKey, checked);
        if (replay != null) {
            return replay;
        }
        CertificateSigner.Claims cert = redeem(req.certificate().trim(), now);

        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(cert.tekmac() == null ? "" : cert.tekmac());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(ErrorCode.CERTIFICATE_INVALID, "the certificate's key HMAC is malformed");
        }
        if (!MessageDigest.isEqual(expected, KeyHmac.compute(hmacKey, keys, req.checkins()))) {
            // Thrown inside the transaction: the certificate's redemption is rolled back with it.
            throw ApiException.badRequest(ErrorCode.HMAC_MISMATCH, "the keys do not match the certificate's HMAC");
        }

        KeyValidator.Outcome outcome = validator.validate(keys, EnIntervalNumber.of(now));
        List<Object[]> rows = rows(outcome.accepted(), cert, now);
        if (!rows.isEmpty()) {
            jdbc.batchUpdate(GroupCommit.INSERT_KEY, rows);
        }
        jdbc.update("UPDATE issued_certificate SET upload_result = ? WHERE jti = ?",
                UploadResult.encode(outcome.reasons()), cert.jti());
        checkins.store(checkins.rows(checked, cert.region(), now));
        return response(req, outcome, checked);
    }

    /**
     * A retry of an upload that was stored (issue 15 §5: the server may die between the commit and the answer):
     * the very certificate the server issued (same JWT id and SHA-256 of the token), already used, with the same
     * keys (their HMAC matches the certificate's) gets the answer kept with it, nothing stored twice. Anything
     * else returns null and goes on to the usual checks ({@code CERTIFICATE_USED} for a different set of keys).
     * The check-ins' results are not kept: they are checked again, and the HMAC covers them, so a retry with other
     * check-ins is not a retry.
     */
    private DiagnosisKeysResponse replay(DiagnosisKeysRequest req, byte[] hmacKey, CheckinSubmission.Checked checked) {
        String certificate = req.certificate().trim();
        CertificateSigner.Claims claims;
        byte[] expected;
        try {
            claims = certificates.claimsOfRecorded(certificate);
            expected = Base64.getDecoder().decode(claims.tekmac() == null ? "" : claims.tekmac());
        } catch (ApiException | IllegalArgumentException e) {
            return null;
        }
        if (claims.jti() == null) {
            return null;
        }
        List<String> kept = jdbc.query("""
                        SELECT upload_result FROM issued_certificate
                        WHERE jti = ? AND token_hash = ? AND used_at IS NOT NULL AND upload_result IS NOT NULL""",
                (rs, n) -> rs.getString(1), claims.jti(), CertificateSigner.tokenHash(certificate));
        if (kept.isEmpty() || !MessageDigest.isEqual(expected, KeyHmac.compute(hmacKey, req.temporaryExposureKeys(),
                req.checkins()))) {
            return null;
        }
        ErrorCode[] reasons = UploadResult.decode(kept.get(0), req.temporaryExposureKeys().size());
        if (reasons == null) {
            return null;
        }
        int accepted = 0;
        for (ErrorCode r : reasons) {
            accepted += r == null ? 1 : 0;
        }
        return response(req, new KeyValidator.Outcome(List.of(), reasons), accepted, checked);
    }

    private DiagnosisKeysResponse response(DiagnosisKeysRequest req, KeyValidator.Outcome outcome,
                                           CheckinSubmission.Checked checked) {
        return response(req, outcome, outcome.accepted().size(), checked);
    }

    private DiagnosisKeysResponse response(DiagnosisKeysRequest req, KeyValidator.Outcome outcome, int inserted,
                                           CheckinSubmission.Checked checked) {
        List<DiagnosisKey> keys = req.temporaryExposureKeys();
        List<KeyResult> results = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            ErrorCode reason = outcome.reasons()[i];
            results.add(reason == null ? KeyResult.accepted(i) : KeyResult.rejected(i, reason));
        }
        List<KeyResult> checkinResults = null;
        if (!checked.isEmpty()) {
            checkinResults = new ArrayList<>(checked.reasons().length);
            for (int i = 0; i < checked.reasons().length; i++) {
                ErrorCode reason = checked.reasons()[i];
                checkinResults.add(reason == null ? KeyResult.accepted(i) : KeyResult.rejected(i, reason));
            }
        }
        return new DiagnosisKeysResponse(inserted, results, chaff.padding(), checkinResults);
    }

    /**
     * Marks the certificate used and returns its claims. Fast path: the certificate matches the unused,
     * unexpired record made when it was issued (same JWT id and SHA-256 of the whole token), which proves it
     * authentic without an ECDSA verification (about 2 ms of CPU on this kind of machine). Otherwise the
     * signature is checked to tell an invalid, expired or used certificate apart; a valid one without a record
     * (issued by another verification server sharing the key) is recorded now.
     */
    private CertificateSigner.Claims redeem(String certificate, Instant now) {
        String hash = CertificateSigner.tokenHash(certificate);
        CertificateSigner.Claims claims = certificates.claimsOfRecorded(certificate);
        OffsetDateTime t = now.atOffset(ZoneOffset.UTC);
        if (claims.jti() != null && jdbc.update(GroupCommit.REDEEM, t, new SqlParameterValue(Types.VARCHAR, null), claims.jti(), hash, t) == 1) {
            return claims;
        }
        CertificateSigner.Claims verified = certificates.verify(certificate); // invalid or expired: throws
        List<Boolean> used = jdbc.query("SELECT used_at IS NOT NULL FROM issued_certificate WHERE jti = ?",
                (rs, n) -> rs.getBoolean(1), verified.jti());
        if (!used.isEmpty()) {
            throw ApiException.badRequest(ErrorCode.CERTIFICATE_USED, "the certificate was already used");
        }
        try {
            jdbc.update("INSERT INTO issued_certificate (jti, token_hash, expires_at, used_at) VALUES (?, ?, ?, ?)",
                    verified.jti(), hash, verified.expiresAt().atOffset(ZoneOffset.UTC), t);
        } catch (DuplicateKeyException e) {
            throw ApiException.badRequest(ErrorCode.CERTIFICATE_USED, "the certificate was already used");
        }
        return verified;
    }

    private List<Object[]> rows(List<KeyValidator.Valid> keys, CertificateSigner.Claims cert, Instant now) {
        // Privacy: creation times are kept only to the hour.
        Instant createdHour = now.truncatedTo(ChronoUnit.HOURS);
        OffsetDateTime created = createdHour.atOffset(ZoneOffset.UTC);
        LocalDate onset = cert.symptomDate() != null ? cert.symptomDate() : cert.testDate();
        Duration embargo = props.export().embargo();
        ReportType type = cert.reportType();
        List<Object[]> rows = new ArrayList<>(keys.size());
        for (KeyValidator.Valid k : keys) {
            Instant end = EnIntervalNumber.toInstant((long) k.rollingStart() + k.rollingPeriod());
            Instant available = ceilHour(end.plus(embargo));
            if (available.isBefore(createdHour)) {
                available = createdHour;
            }
            rows.add(new Object[] {k.keyData(), k.rollingStart(), k.rollingPeriod(), k.transmissionRisk(), type.code(),
                    daysSinceOnset(k.rollingStart(), onset), cert.region(), created, available.atOffset(ZoneOffset.UTC)});
        }
        return rows;
    }

    static Integer daysSinceOnset(int rollingStart, LocalDate onset) {
        if (onset == null) {
            return null;
        }
        long keyDay = Math.floorDiv(rollingStart, EnIntervalNumber.TEK_ROLLING_PERIOD);
        long d = keyDay - onset.toEpochDay();
        // Clamped, not dropped: unknown (null) scores as a key without onset on phones, which counts; a key more
        // than 14 days from onset must stay in the map's "none" edge (protocol README, Risk scoring).
        return (int) Math.max(-MAX_ABS_DAYS_SINCE_ONSET, Math.min(MAX_ABS_DAYS_SINCE_ONSET, d));
    }

    static Instant ceilHour(Instant t) {
        Instant h = t.truncatedTo(ChronoUnit.HOURS);
        return h.equals(t) ? h : h.plus(1, ChronoUnit.HOURS);
    }

    private static byte[] decodeHmacKey(String b64) {
        byte[] k;
        try {
            k = Base64.getDecoder().decode(b64 == null ? "" : b64.trim());
        } catch (IllegalArgumentException e) {
            k = new byte[0];
        }
        if (k.length < ApiLimits.MIN_HMAC_KEY_BYTES || k.length > ApiLimits.MAX_HMAC_KEY_BYTES) {
            throw ApiException.badRequest(ErrorCode.INVALID_HMAC_KEY, "hmacKey must be base64 of 16 to 128 random bytes");
        }
        return k;
    }
}
