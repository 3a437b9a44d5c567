package vn.bluezone.server.keys.submission;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.api.KeyHmac;
import vn.bluezone.api.submission.DiagnosisKey;
import vn.bluezone.api.submission.DiagnosisKeysRequest;
import vn.bluezone.api.submission.DiagnosisKeysResponse;
import vn.bluezone.api.submission.KeyResult;
import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.server.checkins.CheckinSubmission;
import vn.bluezone.server.keys.KeysProperties;
import vn.bluezone.server.keys.distribution.DiagnosisKeyStore;
import vn.bluezone.server.keys.submission.rules.HmacKeyWellFormed;
import vn.bluezone.server.keys.submission.rules.KeyRules;
import vn.bluezone.server.keys.submission.rules.UploadRules;
import vn.bluezone.server.keys.verification.CertificateSigner;
import vn.bluezone.server.keys.verification.CertificateStore;
import vn.bluezone.server.problem.DomainException;

/**
 * Stores a confirmed case's keys. The certificate must verify, match the HMAC of exactly these keys and not
 * have been used; then each key is checked on its own. Everything (the certificate's use and the keys) is
 * committed in one transaction before the answer is sent, so an accepted upload survives a crash.
 */
@Service
public class SubmissionService {
    /** Days since symptom onset outside this range are not sent to phones (the export format's range). */
    static final int MAX_ABS_DAYS_SINCE_ONSET = 14;

    private final CertificateStore issued;
    private final DiagnosisKeyStore diagnosisKeys;
    private final CertificateSigner certificates;
    private final KeysProperties props;
    private final Clock clock;
    private final ChaffResponder chaff;
    private final UploadRules uploadRules;
    private final GroupCommit groupCommit;
    private final TransactionTemplate tx;
    private final CheckinSubmission checkins;

    public SubmissionService(CertificateStore issued, DiagnosisKeyStore diagnosisKeys, CertificateSigner certificates,
                             KeysProperties props, Clock clock, ChaffResponder chaff, GroupCommit groupCommit,
                             PlatformTransactionManager transactions, CheckinSubmission checkins) {
        this.checkins = checkins;
        this.groupCommit = groupCommit;
        this.tx = new TransactionTemplate(transactions);
        this.issued = issued;
        this.diagnosisKeys = diagnosisKeys;
        this.certificates = certificates;
        this.props = props;
        this.clock = clock;
        this.chaff = chaff;
        this.uploadRules = UploadRules.standard(props.submission());
    }

    /**
     * The upload rules first ({@link UploadRules}: nothing is stored when one is broken). Then the fast path: a
     * certificate that parses, whose HMAC matches these keys, is redeemed against its issue
     * record together with storing the keys, in a transaction shared with concurrent uploads
     * ({@link GroupCommit}). Anything else (no record, used, expired, forged, HMAC mismatch) takes the full path
     * in a transaction of its own, which tells the cases apart with their stable codes.
     */
    public DiagnosisKeysResponse submit(DiagnosisKeysRequest req) {
        uploadRules.check(req);
        byte[] hmacKey = HmacKeyWellFormed.decode(req.hmacKey());
        DiagnosisKeysResponse fast = fastPath(req, hmacKey, clock.instant());
        if (fast != null) {
            return fast;
        }
        return tx.execute(s -> fullPath(req, hmacKey));
    }

    private DiagnosisKeysResponse fastPath(DiagnosisKeysRequest req, byte[] hmacKey, Instant now) {
        String certificate = req.certificate().trim();
        CertificateSigner.Claims cert;
        byte[] expected;
        try {
            cert = certificates.claimsOfRecorded(certificate);
            expected = Base64.getDecoder().decode(cert.tekmac() == null ? "" : cert.tekmac());
        } catch (DomainException | IllegalArgumentException e) {
            return null;
        }
        if (cert.jti() == null || !MessageDigest.isEqual(expected, KeyHmac.compute(hmacKey, req.temporaryExposureKeys(),
                req.checkins()))) {
            return null;
        }
        CheckinSubmission.Checked checked;
        try {
            checked = checkins.check(req.checkins());
        } catch (DomainException e) {
            return null; // the full path answers a retry before checking the check-ins again, then refuses
        }
        KeyRules.Outcome outcome = KeyRules.standard(props.submission(), EnIntervalNumber.of(now))
                .validate(req.temporaryExposureKeys());
        boolean stored = groupCommit.commit(new GroupCommit.Upload(new CertificateStore.Redemption(cert.jti(),
                CertificateSigner.tokenHash(certificate), now, UploadResult.encode(outcome.reasons()),
                checkinResult(checked)),
                newKeys(outcome.accepted(), cert, now), checkins.rows(checked, cert.region(), now)));
        return stored ? response(req, outcome, checked) : null;
    }

    private DiagnosisKeysResponse fullPath(DiagnosisKeysRequest req, byte[] hmacKey) {
        List<DiagnosisKey> keys = req.temporaryExposureKeys();
        Instant now = clock.instant();
        DiagnosisKeysResponse replay = replay(req, hmacKey);
        if (replay != null) {
            return replay;
        }
        CheckinSubmission.Checked checked = checkins.check(req.checkins());
        CertificateSigner.Claims cert = redeem(req.certificate().trim(), now);

        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(cert.tekmac() == null ? "" : cert.tekmac());
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.CERTIFICATE_INVALID, "the certificate's key HMAC is malformed");
        }
        if (!MessageDigest.isEqual(expected, KeyHmac.compute(hmacKey, keys, req.checkins()))) {
            // Thrown inside the transaction: the certificate's redemption is rolled back with it.
            throw new DomainException(ErrorCode.HMAC_MISMATCH, "the keys do not match the certificate's HMAC");
        }

        KeyRules.Outcome outcome = KeyRules.standard(props.submission(), EnIntervalNumber.of(now)).validate(keys);
        diagnosisKeys.insertAll(newKeys(outcome.accepted(), cert, now));
        issued.keepResult(cert.jti(), UploadResult.encode(outcome.reasons()), checkinResult(checked));
        checkins.store(checkins.rows(checked, cert.region(), now));
        return response(req, outcome, checked);
    }

    /**
     * A retry of an upload that was stored (issue 15 §5: the server may die between the commit and the answer):
     * the very certificate the server issued (same JWT id and SHA-256 of the token), already used, with the same
     * keys (their HMAC matches the certificate's) gets the answer kept with it, nothing stored twice. Anything
     * else returns null and goes on to the usual checks ({@code CERTIFICATE_USED} for a different set of keys).
     * The check-ins' per-item results are kept too ({@code checkin_result}, issue 14), so the retry's answer is the
     * first answer exactly, even if the check-in rules or limits changed in between; only an upload stored before
     * that column existed has its check-ins checked again. The HMAC covers the check-ins, so a retry with other
     * check-ins is not a retry.
     */
    private DiagnosisKeysResponse replay(DiagnosisKeysRequest req, byte[] hmacKey) {
        String certificate = req.certificate().trim();
        CertificateSigner.Claims claims;
        byte[] expected;
        try {
            claims = certificates.claimsOfRecorded(certificate);
            expected = Base64.getDecoder().decode(claims.tekmac() == null ? "" : claims.tekmac());
        } catch (DomainException | IllegalArgumentException e) {
            return null;
        }
        if (claims.jti() == null) {
            return null;
        }
        CertificateStore.KeptAnswer kept = issued.keptAnswer(claims.jti(), CertificateSigner.tokenHash(certificate))
                .orElse(null);
        if (kept == null || !MessageDigest.isEqual(expected, KeyHmac.compute(hmacKey, req.temporaryExposureKeys(),
                req.checkins()))) {
            return null;
        }
        ErrorCode[] reasons = UploadResult.decode(kept.uploadResult(), req.temporaryExposureKeys().size());
        if (reasons == null) {
            return null;
        }
        CheckinSubmission.Checked checked = keptCheckins(kept.checkinResult(), req);
        int accepted = 0;
        for (ErrorCode r : reasons) {
            accepted += r == null ? 1 : 0;
        }
        return response(req, new KeyRules.Outcome(List.of(), reasons), accepted, checked);
    }

    /** The check-ins' results as kept with the certificate; checked anew only for an upload kept without them. */
    private CheckinSubmission.Checked keptCheckins(String kept, DiagnosisKeysRequest req) {
        int sent = req.checkins() == null ? 0 : req.checkins().size();
        ErrorCode[] reasons = kept == null || sent == 0 ? null : UploadResult.decode(kept, sent);
        return reasons == null ? checkins.check(req.checkins()) : new CheckinSubmission.Checked(List.of(), reasons);
    }

    /** What to keep of the check-ins' answer: null for an upload without check-ins (its answer has none). */
    private static String checkinResult(CheckinSubmission.Checked checked) {
        return checked.isEmpty() ? null : UploadResult.encode(checked.reasons());
    }

    private DiagnosisKeysResponse response(DiagnosisKeysRequest req, KeyRules.Outcome outcome,
                                           CheckinSubmission.Checked checked) {
        return response(req, outcome, outcome.accepted().size(), checked);
    }

    private DiagnosisKeysResponse response(DiagnosisKeysRequest req, KeyRules.Outcome outcome, int inserted,
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
        if (claims.jti() != null && issued.redeem(new CertificateStore.Redemption(claims.jti(), hash, now, null))) {
            return claims;
        }
        CertificateSigner.Claims verified = certificates.verify(certificate); // invalid or expired: throws
        if (issued.isRecorded(verified.jti())
                || !issued.recordRedeemed(verified.jti(), hash, verified.expiresAt(), now)) {
            throw new DomainException(ErrorCode.CERTIFICATE_USED, "the certificate was already used");
        }
        return verified;
    }

    private List<DiagnosisKeyStore.NewKey> newKeys(List<KeyRules.Valid> keys, CertificateSigner.Claims cert,
                                                   Instant now) {
        // Privacy: creation times are kept only to the hour.
        Instant createdHour = now.truncatedTo(ChronoUnit.HOURS);
        LocalDate onset = cert.symptomDate() != null ? cert.symptomDate() : cert.testDate();
        List<DiagnosisKeyStore.NewKey> rows = new ArrayList<>(keys.size());
        for (KeyRules.Valid k : keys) {
            rows.add(new DiagnosisKeyStore.NewKey(k.keyData(), k.rollingStart(), k.rollingPeriod(), k.transmissionRisk(),
                    cert.reportType(), daysSinceOnset(k.rollingStart(), onset), cert.region(), createdHour));
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
}
