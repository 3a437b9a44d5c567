package vn.bluezone.api;

import java.util.Optional;

/**
 * Every stable error code the server sends, as {@code {"error": CODE}} of an {@link ApiError}, as the
 * {@code reason} of a rejected key ({@code KeyResult}) or as the {@code code} of an import problem. The wire carries
 * {@link #name()}; clients switch on the constant and must tolerate codes they do not know ({@link #find}), since a
 * newer server may add some. Meanings and HTTP statuses: api/README.md, one line per constant.
 */
public enum ErrorCode {
    // Any endpoint: authentication, the framework's own refusals, overload.
    UNAUTHORIZED, INVALID_API_KEY, FORBIDDEN, CSRF_TOKEN_INVALID, PASSWORD_CHANGE_REQUIRED, OUT_OF_SCOPE,
    NOT_FOUND, METHOD_NOT_ALLOWED, UNSUPPORTED_MEDIA_TYPE, NOT_ACCEPTABLE, PAYLOAD_TOO_LARGE, MALFORMED_JSON,
    MISSING_BODY, INVALID_FIELD, VALIDATION_FAILED, INVALID_PARAMETER, MISSING_PARAMETER, MISSING_HEADER,
    BAD_REQUEST, INTERNAL_ERROR, RATE_LIMITED, BUSY,
    // Refused before parsing, or the database down (issue 15 §1).
    BODY_TIMEOUT, LENGTH_REQUIRED, NOT_MULTIPART, MALFORMED_MULTIPART, DATABASE_UNAVAILABLE,

    // Accounts and API keys (officials); the second factor.
    SECOND_FACTOR_REQUIRED, INVALID_USERNAME, INVALID_ROLE, INVALID_AREA, WEAK_PASSWORD, WRONG_PASSWORD, SAME_PASSWORD,
    INVALID_DISPLAY_NAME, CANNOT_DISABLE_SELF, INVALID_LABEL, ACCOUNT_NOT_FOUND, API_KEY_NOT_FOUND, USERNAME_TAKEN,
    AREA_REQUIRED,

    // Verification: device (verify, certificate) and health officers (codes).
    CODE_INVALID, CODE_USED, CODE_EXPIRED, TOKEN_INVALID, TOKEN_USED, TOKEN_EXPIRED, INVALID_EKEYHMAC,
    CODE_NOT_FOUND, INVALID_REPORT_TYPE, DATE_REQUIRED, DATE_IN_FUTURE, DATE_TOO_OLD, INVALID_REGION,
    INVALID_CASE_REFERENCE, BULK_REJECTED,
    // Short-code guessing under attack (issue 15 §2): solve a proof of work first (ProofOfWork).
    PROOF_OF_WORK_REQUIRED, PROOF_OF_WORK_INVALID,

    // Submission: the whole upload refused.
    NO_KEYS, TOO_MANY_KEYS, MISSING_CERTIFICATE, INVALID_HMAC_KEY, CERTIFICATE_INVALID, CERTIFICATE_EXPIRED,
    CERTIFICATE_USED, HMAC_MISMATCH,
    // Submission: one key refused (KeyResult.reason), the others stored.
    INVALID_KEY, INVALID_ROLLING_START, INVALID_ROLLING_PERIOD, INVALID_TRANSMISSION_RISK, ROLLING_START_IN_FUTURE,
    KEY_TOO_OLD, DUPLICATE_KEY, TOO_MANY_KEYS_FOR_INTERVAL,
    // Check-ins: the whole upload refused (TOO_MANY_CHECKINS), one check-in refused (KeyResult.reason of
    // checkinResults), packages, health officers' place warnings.
    TOO_MANY_CHECKINS, INVALID_CHECKIN, INVALID_LOCATION_HASH, INVALID_IV, INVALID_ENCRYPTED_RECORD, INVALID_MAC,
    DUPLICATE_CHECKIN, CHECKIN_PACKAGE_NOT_FOUND, CHECKIN_MANIFEST_NOT_FOUND, INVALID_WINDOW, INVALID_MESSAGE,

    // Distribution and key server administration.
    EXPORT_NOT_FOUND, INVALID_KEY_VERSION, KEY_VERSION_EXISTS, LAST_ACTIVE_KEY, KEY_NOT_FOUND, CLOCK_BACKWARDS,

    // Registry: device registration and heartbeat.
    BAD_PLATFORM, BAD_APP_VERSION, BAD_MODEL, UNKNOWN_COMMUNE, UNKNOWN_VILLAGE, VILLAGE_NOT_IN_COMMUNE,
    UNKNOWN_REFERRAL_CODE, BAD_PLACE_CODE, BAD_INSTALLATION_ID, CODES_EXHAUSTED, ALREADY_REGISTERED,
    DEVICE_AUTH_REQUIRED, BAD_DEVICE_CREDENTIALS, BAD_HEARTBEAT,
    // Registry: device attestation (issue 15 §3); a missing attestation is no error, a refused one is.
    BAD_ATTESTATION, ATTESTATION_KIND_NOT_ACCEPTED, ATTESTATION_NEEDS_INSTALLATION_ID, ATTESTATION_INVALID,
    ATTESTATION_WRONG_NONCE, ATTESTATION_WRONG_APP, ATTESTATION_EXPIRED, ATTESTATION_DEVICE_NOT_TRUSTED,
    ATTESTATION_UNKNOWN_KEY, ATTESTATION_REPLAYED, ATTESTATION_REVOKED,
    // Registry: administrative units and villages.
    UNIT_NOT_FOUND, QUERY_TOO_SHORT, NOT_A_COMMUNE, BAD_VILLAGE_KIND, BAD_VILLAGE_NAME, VILLAGE_EXISTS,
    // Registry: denominators (figures) and their import; the import codes are per-row problem codes.
    BAD_FIGURE, BAD_KIND, IMPORT_REJECTED, UNREADABLE_FILE, EMPTY_FILE, TOO_MANY_ROWS, UNKNOWN_COLUMN,
    MISSING_COLUMN, UNKNOWN_UNIT, BAD_DATE, FUTURE_DATE, BAD_SOURCE, BAD_NUMBER, NO_FIGURES, DUPLICATE_ROW,

    // Statistics.
    BAD_FORMAT, BAD_RANGE, NO_LEVEL_BELOW, BAD_LEVEL, BAD_WITHIN, TOO_MANY_UNITS,

    // Campaign tools (console): common fields and pages.
    FIELD_REQUIRED, FIELD_TOO_LONG, BAD_COUNT, IMPORT_UNREADABLE,
    // Campaign: households.
    HOUSEHOLD_NOT_FOUND, IMPORT_EMPTY, IMPORT_BAD_HEADER, VISIT_IN_FUTURE, COUNTS_EXCEED_PHONES, REASON_REQUIRED,
    BAD_CLIENT_REF,
    // Campaign: places and posters.
    BAD_PLACE_KIND, PLACE_NOT_FOUND, BAD_PAPER_SIZE, PUBLIC_URL_MISSING,
    // Campaign: cohorts (people under a health measure).
    BAD_COHORT, BAD_DATES, BAD_ID_NUMBER, BAD_PHONE, ALREADY_EXPIRED, PERSON_NOT_FOUND, INSTALL_CODE_UNKNOWN,
    DEVICE_ALREADY_LINKED,
    // Campaign: one-stop desk and referrals.
    BAD_DAY, BAD_PROCEDURE, REFERRER_EXISTS,
    // Campaign: directives and tasks.
    BAD_BODY, BAD_PROGRESS, DEADLINE_BEFORE_ISSUE, ISSUED_IN_FUTURE, DIRECTIVE_NOT_FOUND, DIRECTIVE_NUMBER_TAKEN,
    TASK_NOT_FOUND, TASK_INCOMPLETE, NOT_YOUR_TASK,
    // Campaign: loudspeaker radio.
    TEMPLATE_EMPTY, TEMPLATE_TOO_LONG, TEMPLATE_BRACES, TEMPLATE_UNKNOWN_PLACEHOLDER, TEMPLATE_NOT_FOUND,
    FIGURES_MISSING, SCRIPT_TOO_LONG, SLOT_NOT_FOUND, SUBJECT_OUTSIDE_COMMUNE,
    TIME_REQUIRED, WEEKDAYS_REQUIRED, BAD_WEEKDAYS, AIRED_IN_FUTURE;

    /** The constant for a code read from the wire; empty for null or a code this version does not know. */
    public static Optional<ErrorCode> find(String code) {
        if (code == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
