package vn.bluezone.server.keys.verification;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.problem.Conflict;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.server.TimeZoneProperties;
import vn.bluezone.server.accounts.AreaScope;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.accounts.RandomSecrets;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.audit.AuditLog;
import vn.bluezone.server.db.Savepoints;
import vn.bluezone.server.keys.KeySecrets;
import vn.bluezone.server.keys.KeysProperties;
import vn.bluezone.server.problem.DomainException;

/**
 * Health-authority verification: an officer issues a one-time code for a confirmed case; the case's phone
 * exchanges it for a single-use token, then the token and the HMAC of its keys for a signed certificate.
 * Codes and tokens are stored only as keyed hashes (HMAC-SHA256 under {@link KeySecrets}).
 */
@Service
public class VerificationService {
    public static final int SHORT_CODE_DIGITS = 8;
    public static final int LONG_CODE_LENGTH = 16;
    /** Report types an officer may issue a code for. */
    public static final List<ReportType> ISSUABLE = List.of(ReportType.CONFIRMED_TEST,
            ReportType.CONFIRMED_CLINICAL_DIAGNOSIS, ReportType.RECURSIVE);

    /**
     * Who issues codes: health officers, administrators, and commune health stations (one account for the station's
     * work: quarantine records and F0 codes, issue 13), for cases of their own province.
     */
    public static final java.util.Set<Role> ISSUERS = java.util.EnumSet.of(Role.HEALTH_OFFICER, Role.ADMIN,
            Role.HEALTH_STATION);

    private final CodeStore store;
    private final CertificateStore certificates;
    private final KeySecrets secrets;
    private final KeysProperties.Verification cfg;
    private final SecureRandom random;
    private final Clock clock;
    private final AuditLog audit;
    private final AreaScope scope;
    private final CertificateSigner signer;
    private final ZoneId zone;
    private final Savepoints savepoints;

    public VerificationService(CodeStore store, CertificateStore certificates, KeySecrets secrets, KeysProperties props,
                               SecureRandom random, Clock clock, AuditLog audit, AreaScope scope,
                               CertificateSigner signer, Savepoints savepoints, TimeZoneProperties time) {
        this.savepoints = savepoints;
        this.store = store;
        this.certificates = certificates;
        this.secrets = secrets;
        this.cfg = props.verification();
        this.random = random;
        this.clock = clock;
        this.audit = audit;
        this.scope = scope;
        this.signer = signer;
        this.zone = time.timeZone();
    }

    /**
     * An officer's request for a code. {@code region}: province code, or null for the officer's own area;
     * {@code caseReference}: the case file's short reference (letters, digits, - / .; at most 32), never a name.
     */
    public record IssueRequest(ReportType reportType, LocalDate symptomDate, LocalDate testDate, String region,
                               String caseReference) {
        public IssueRequest(ReportType reportType, LocalDate symptomDate, LocalDate testDate, String region) {
            this(reportType, symptomDate, testDate, region, null);
        }
    }

    /** Letters (Vietnamese too), digits and - / . only: a file number such as "F0-2026/0153", not a name. */
    private static final java.util.regex.Pattern CASE_REFERENCE =
            java.util.regex.Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}./-]{0,31}");

    /** The codes, shown to the officer once. */
    public record IssuedCode(String id, String shortCode, Instant shortCodeExpiresAt, String longCode,
                             Instant longCodeExpiresAt, ReportType reportType, LocalDate symptomDate,
                             LocalDate testDate, String region, String caseReference) {
        /** The first 8 characters of the id, upper case: what officers read and look up. */
        public String shortId() {
            return CodeStatus.shortIdOf(id);
        }
    }

    /** What an officer may see of a code afterwards (never the code itself). */
    public record CodeStatus(String id, String status, ReportType reportType, LocalDate symptomDate,
                             LocalDate testDate, String region, String issuedBy, Instant issuedAt,
                             Instant shortCodeExpiresAt, Instant longCodeExpiresAt, Instant claimedAt,
                             Instant expiredAt, String caseReference, Instant smsSentAt) {
        public String shortId() {
            return shortIdOf(id);
        }

        static String shortIdOf(String id) {
            return id.substring(0, Math.min(8, id.length())).toUpperCase(Locale.ROOT);
        }
    }

    /** Answer to a phone that presented a valid code. */
    public record VerifiedToken(String token, ReportType reportType, LocalDate symptomDate, LocalDate testDate,
                                Instant expiresAt) {
    }

    /** A signed certificate for one upload. */
    public record IssuedCertificate(String certificate, Instant expiresAt) {
    }

    @Transactional
    public IssuedCode issue(Official officer, IssueRequest req) {
        if (!ISSUERS.contains(officer.role())) {
            throw new DomainException(ErrorCode.FORBIDDEN, "only health officers and health stations issue codes");
        }
        if (req.reportType() == null || !ISSUABLE.contains(req.reportType())) {
            throw new DomainException(ErrorCode.INVALID_REPORT_TYPE,
                    "report type must be one of CONFIRMED_TEST, CONFIRMED_CLINICAL_DIAGNOSIS, RECURSIVE",
                    "reportType");
        }
        if (req.symptomDate() == null && req.testDate() == null) {
            throw new DomainException(ErrorCode.DATE_REQUIRED, "give the symptom onset date or the test date",
                    "symptomDate");
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        checkDate(req.symptomDate(), "symptomDate", today);
        checkDate(req.testDate(), "testDate", today);
        String region = regionFor(officer, req.region());
        String caseReference = caseReference(req.caseReference());
        Instant now = clock.instant();
        Instant shortExp = now.plus(cfg.shortCodeValidity());
        Instant longExp = now.plus(cfg.longCodeValidity());
        String id = UUID.randomUUID().toString();
        for (int attempt = 0; ; attempt++) {
            String shortCode = RandomSecrets.fromAlphabet(random, "0123456789", SHORT_CODE_DIGITS);
            String longCode = RandomSecrets.fromAlphabet(random, RandomSecrets.UNAMBIGUOUS, LONG_CODE_LENGTH);
            try {
                // In a savepoint: on PostgreSQL a duplicate would otherwise abort the whole transaction.
                CodeStore.NewCode code = new CodeStore.NewCode(id, secrets.codeHash(shortCode),
                        secrets.codeHash(longCode), req.reportType(), req.symptomDate(), req.testDate(), region,
                        officer.username(), now, shortExp, longExp, caseReference);
                savepoints.attempt(() -> store.insert(code));
            } catch (DuplicateKeyException collision) {
                // An earlier code (even a used one) had the same digits: draw again. 10^8 codes make this rare.
                if (attempt >= 5) {
                    throw new IllegalStateException("could not draw a unique code", collision);
                }
                continue;
            }
            audit.record(officer.username(), "code.issue", id,
                    "type=" + req.reportType() + " region=" + region);
            return new IssuedCode(id, shortCode, shortExp, longCode, longExp, req.reportType(), req.symptomDate(),
                    req.testDate(), region, caseReference);
        }
    }

    /** A date of the request, named as the request and the console form name it, within the days kept. */
    private void checkDate(LocalDate d, String field, LocalDate today) {
        if (d == null) {
            return;
        }
        if (d.isAfter(today)) {
            throw new DomainException(ErrorCode.DATE_IN_FUTURE, "the date " + d + " is in the future", field);
        }
        if (d.isBefore(today.minusDays(cfg.maxDateAgeDays()))) {
            throw new DomainException(ErrorCode.DATE_TOO_OLD,
                    "the date " + d + " is more than " + cfg.maxDateAgeDays() + " days back", field);
        }
    }

    static String caseReference(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String r = java.text.Normalizer.normalize(raw.strip(), java.text.Normalizer.Form.NFC);
        if (!CASE_REFERENCE.matcher(r).matches()) {
            throw new DomainException(ErrorCode.INVALID_CASE_REFERENCE, "the case reference is the case file's number: "
                    + "letters, digits, - / . only, at most 32 characters (never the patient's name)",
                    "caseReference");
        }
        return r;
    }

    /** Records that the long code was sent by SMS (the number itself is not kept). */
    public void markSmsSent(String id) {
        store.markSmsSent(id, clock.instant());
    }

    /**
     * A code the officer may manage, by its full id or the 8 characters shown on the page; 404 otherwise (also for
     * an ambiguous prefix, which 32 random bits make rare).
     */
    public CodeStatus lookup(Official officer, String idOrShortId) {
        String q = idOrShortId == null ? "" : idOrShortId.strip().toLowerCase(Locale.ROOT);
        if (!q.matches("[0-9a-f-]{8,36}")) {
            throw new DomainException(ErrorCode.CODE_NOT_FOUND, "no code with id " + idOrShortId);
        }
        List<CodeStatus> found = store.byIdPrefix(q, clock.instant());
        if (found.size() != 1 || !mayManage(officer, found.get(0))) {
            throw new DomainException(ErrorCode.CODE_NOT_FOUND, "no code with id " + idOrShortId);
        }
        return found.get(0);
    }

    /** A province code (2 digits) in the officer's scope, or "VN" for national officers without one. */
    private String regionFor(Official officer, String requested) {
        String own = officer.areaCode() == null ? null : scope.provinceOf(officer.areaCode()).orElse(officer.areaCode());
        String region = requested == null || requested.isBlank() ? own : requested.trim();
        if (region == null || region.equalsIgnoreCase("VN")) {
            if (!officer.isNational()) {
                throw new DomainException(ErrorCode.INVALID_REGION, "give the province of the case", "region");
            }
            return "VN";
        }
        if (!region.matches("\\d{2}")) {
            throw new DomainException(ErrorCode.INVALID_REGION, "region must be a 2-digit province code or VN",
                    "region");
        }
        if (!region.equals(own)) {
            scope.check(officer, region);
        }
        return region;
    }

    public CodeStatus status(Official officer, String id) {
        CodeStatus s = store.byId(id, clock.instant())
                .orElseThrow(() -> new DomainException(ErrorCode.CODE_NOT_FOUND, "no code with id " + id));
        if (!mayManage(officer, s)) {
            throw new DomainException(ErrorCode.CODE_NOT_FOUND, "no code with id " + id);
        }
        return s;
    }

    /** Codes issued by the officer (or, for administrators, by anyone), newest first. */
    public List<CodeStatus> recent(Official officer, int limit) {
        int n = Math.max(1, Math.min(limit, 500));
        return store.recent(officer.role() == Role.ADMIN ? null : officer.username(), n, clock.instant());
    }

    /** Codes issued from {@code from} on that the officer may manage (for per-day statistics), oldest first. */
    public List<CodeStatus> issuedSince(Official officer, Instant from) {
        return store.issuedSince(from, clock.instant()).stream().filter(s -> mayManage(officer, s)).toList();
    }

    @Transactional
    public CodeStatus expire(Official officer, String id) {
        CodeStatus s = status(officer, id);
        if (s.claimedAt() != null) {
            throw new Conflict(ErrorCode.CODE_USED, "the code was already used");
        }
        store.expire(id, clock.instant());
        audit.record(officer.username(), "code.expire", id, null);
        return status(officer, id);
    }

    private boolean mayManage(Official officer, CodeStatus s) {
        return officer.username().equals(s.issuedBy()) || officer.role() == Role.ADMIN
                || (officer.role() == Role.HEALTH_OFFICER && scope.maySee(officer, "VN".equals(s.region()) ? null : s.region()));
        // A health station manages only the codes it issued itself.
    }

    /** Device: code → single-use token. Wrong, used and expired codes have distinct error codes. */
    @Transactional
    public VerifiedToken verify(String presentedCode) {
        String code = normalize(presentedCode);
        if (code == null) {
            throw new DomainException(ErrorCode.CODE_INVALID, "the code is not valid");
        }
        String hash = secrets.codeHash(code);
        Optional<CodeStore.Secret> found = store.byHash(hash);
        // Constant-time comparison of the stored hash with ours (the index lookup already matched on it).
        boolean viaShort = found.isPresent() && constantTimeEquals(found.get().shortHash(), hash);
        boolean viaLong = found.isPresent() && constantTimeEquals(found.get().longHash(), hash);
        if (!viaShort && !viaLong) {
            throw new DomainException(ErrorCode.CODE_INVALID, "the code is not valid");
        }
        CodeStore.Secret r = found.get();
        if (r.claimedAt() != null) {
            throw new DomainException(ErrorCode.CODE_USED, "the code was already used");
        }
        Instant now = clock.instant();
        Instant expiry = viaShort ? r.shortExpiresAt() : r.longExpiresAt();
        if (r.expiredAt() != null || !now.isBefore(expiry)) {
            throw new DomainException(ErrorCode.CODE_EXPIRED, "the code has expired; ask the health station for a new one");
        }
        if (!store.claim(r.id(), now)) {
            throw new DomainException(ErrorCode.CODE_USED, "the code was already used");
        }
        String token = RandomSecrets.token(random, 32);
        Instant tokenExp = now.plus(cfg.tokenValidity());
        store.insertToken(new CodeStore.Token(secrets.codeHash("token:" + token), r.id(), r.type(), r.symptomDate(),
                r.testDate(), r.region(), tokenExp, null));
        return new VerifiedToken(token, r.type(), r.symptomDate(), r.testDate(), tokenExp);
    }

    /** Device: token + HMAC of the keys → signed certificate. The token is used up. */
    @Transactional
    public IssuedCertificate certificate(String token, String ekeyhmac) {
        if (token == null || token.isBlank() || token.length() > 200) {
            throw new DomainException(ErrorCode.TOKEN_INVALID, "the token is not valid");
        }
        byte[] mac;
        try {
            mac = Base64.getDecoder().decode(ekeyhmac == null ? "" : ekeyhmac.trim());
        } catch (IllegalArgumentException e) {
            mac = new byte[0];
        }
        if (mac.length != 32) {
            throw new DomainException(ErrorCode.INVALID_EKEYHMAC, "ekeyhmac must be the base64 HMAC-SHA256 (32 bytes) of the keys");
        }
        String hash = secrets.codeHash("token:" + token.trim());
        CodeStore.Token t = store.token(hash).filter(x -> constantTimeEquals(x.hash(), hash))
                .orElseThrow(() -> new DomainException(ErrorCode.TOKEN_INVALID, "the token is not valid"));
        if (t.usedAt() != null) {
            throw new DomainException(ErrorCode.TOKEN_USED, "the token was already used");
        }
        Instant now = clock.instant();
        if (!now.isBefore(t.expiresAt())) {
            throw new DomainException(ErrorCode.TOKEN_EXPIRED, "the token has expired");
        }
        if (!store.useToken(hash, now)) {
            throw new DomainException(ErrorCode.TOKEN_USED, "the token was already used");
        }
        Instant exp = now.plus(cfg.certificateValidity());
        CertificateSigner.Signed signed = signer.sign(t.type(), t.symptomDate(), t.testDate(), t.region(),
                Base64.getEncoder().encodeToString(mac), exp);
        certificates.recordIssued(signed.jti(), CertificateSigner.tokenHash(signed.jwt()), exp);
        return new IssuedCertificate(signed.jwt(), exp);
    }

    /** Digits only for short codes (spaces and dashes ignored); upper case for long codes. */
    static String normalize(String code) {
        if (code == null) {
            return null;
        }
        String c = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (c.matches("\\d{" + SHORT_CODE_DIGITS + "}")) {
            return c;
        }
        if (c.length() == LONG_CODE_LENGTH && c.chars().allMatch(ch -> RandomSecrets.UNAMBIGUOUS.indexOf(ch) >= 0)) {
            return c;
        }
        return null;
    }

    private static boolean constantTimeEquals(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(), b.getBytes());
    }
}
