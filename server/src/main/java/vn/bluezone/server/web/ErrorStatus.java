package vn.bluezone.server.web;

import static vn.bluezone.api.ErrorCode.*;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.problem.Conflict;
import vn.bluezone.server.problem.DomainException;

/**
 * The one table from a contract {@link ErrorCode} to its HTTP status, as api/README.md documents it (checked by
 * {@code ErrorStatusTest}). Every code is listed once; the per-key, per-check-in and import-row codes travel inside
 * a 200 or an {@code IMPORT_REJECTED} answer and are listed under 400 for the day one is sent alone.
 */
public final class ErrorStatus {
    private static final Map<ErrorCode, HttpStatus> STATUS = new EnumMap<>(ErrorCode.class);

    static {
        put(HttpStatus.BAD_REQUEST, List.of(
                MALFORMED_JSON, MISSING_BODY, INVALID_FIELD, VALIDATION_FAILED, INVALID_PARAMETER, MISSING_PARAMETER,
                MISSING_HEADER, BAD_REQUEST, NOT_MULTIPART, MALFORMED_MULTIPART,
                INVALID_USERNAME, INVALID_ROLE, INVALID_AREA, WEAK_PASSWORD, WRONG_PASSWORD, SAME_PASSWORD,
                INVALID_DISPLAY_NAME, CANNOT_DISABLE_SELF, INVALID_LABEL, AREA_REQUIRED,
                CODE_INVALID, CODE_USED, CODE_EXPIRED, TOKEN_INVALID, TOKEN_USED, TOKEN_EXPIRED, INVALID_EKEYHMAC,
                INVALID_REPORT_TYPE, DATE_REQUIRED, DATE_IN_FUTURE, DATE_TOO_OLD, INVALID_REGION,
                INVALID_CASE_REFERENCE, BULK_REJECTED, PROOF_OF_WORK_INVALID,
                NO_KEYS, TOO_MANY_KEYS, MISSING_CERTIFICATE, INVALID_HMAC_KEY, CERTIFICATE_INVALID, CERTIFICATE_EXPIRED,
                CERTIFICATE_USED, HMAC_MISMATCH, INVALID_KEY, INVALID_ROLLING_START, INVALID_ROLLING_PERIOD,
                INVALID_TRANSMISSION_RISK, ROLLING_START_IN_FUTURE, KEY_TOO_OLD, DUPLICATE_KEY,
                TOO_MANY_KEYS_FOR_INTERVAL,
                TOO_MANY_CHECKINS, INVALID_CHECKIN, INVALID_LOCATION_HASH, INVALID_IV, INVALID_ENCRYPTED_RECORD,
                INVALID_MAC, DUPLICATE_CHECKIN, INVALID_WINDOW, INVALID_MESSAGE, INVALID_KEY_VERSION,
                BAD_PLATFORM, BAD_APP_VERSION, BAD_MODEL, UNKNOWN_COMMUNE, UNKNOWN_VILLAGE, VILLAGE_NOT_IN_COMMUNE,
                UNKNOWN_REFERRAL_CODE, BAD_PLACE_CODE, BAD_INSTALLATION_ID, BAD_HEARTBEAT,
                BAD_ATTESTATION, ATTESTATION_KIND_NOT_ACCEPTED, ATTESTATION_NEEDS_INSTALLATION_ID, ATTESTATION_INVALID,
                ATTESTATION_WRONG_NONCE, ATTESTATION_WRONG_APP, ATTESTATION_EXPIRED, ATTESTATION_DEVICE_NOT_TRUSTED,
                ATTESTATION_UNKNOWN_KEY, ATTESTATION_REPLAYED, ATTESTATION_REVOKED,
                QUERY_TOO_SHORT, NOT_A_COMMUNE, BAD_VILLAGE_KIND, BAD_VILLAGE_NAME,
                BAD_FIGURE, BAD_KIND, IMPORT_REJECTED, UNREADABLE_FILE, EMPTY_FILE, TOO_MANY_ROWS, UNKNOWN_COLUMN,
                MISSING_COLUMN, UNKNOWN_UNIT, BAD_DATE, FUTURE_DATE, BAD_SOURCE, BAD_NUMBER, NO_FIGURES,
                DUPLICATE_ROW, BAD_FORMAT, BAD_RANGE, NO_LEVEL_BELOW, BAD_LEVEL, BAD_WITHIN, TOO_MANY_UNITS,
                FIELD_REQUIRED, FIELD_TOO_LONG, BAD_COUNT, IMPORT_UNREADABLE, IMPORT_EMPTY,
                IMPORT_BAD_HEADER, VISIT_IN_FUTURE, COUNTS_EXCEED_PHONES, REASON_REQUIRED, BAD_CLIENT_REF,
                BAD_PLACE_KIND, BAD_PAPER_SIZE, BAD_COHORT, BAD_DATES, BAD_ID_NUMBER, BAD_PHONE, ALREADY_EXPIRED,
                BAD_DAY, BAD_PROCEDURE, BAD_BODY, BAD_PROGRESS, DEADLINE_BEFORE_ISSUE, ISSUED_IN_FUTURE,
                TASK_INCOMPLETE, TEMPLATE_EMPTY, TEMPLATE_TOO_LONG, TEMPLATE_BRACES, TEMPLATE_UNKNOWN_PLACEHOLDER,
                SCRIPT_TOO_LONG, SUBJECT_OUTSIDE_COMMUNE, TIME_REQUIRED, WEEKDAYS_REQUIRED,
                BAD_WEEKDAYS, AIRED_IN_FUTURE));
        put(HttpStatus.UNAUTHORIZED, List.of(UNAUTHORIZED, INVALID_API_KEY, DEVICE_AUTH_REQUIRED, BAD_DEVICE_CREDENTIALS));
        put(HttpStatus.FORBIDDEN, List.of(FORBIDDEN, CSRF_TOKEN_INVALID, PASSWORD_CHANGE_REQUIRED, OUT_OF_SCOPE,
                SECOND_FACTOR_REQUIRED, NOT_YOUR_TASK));
        put(HttpStatus.NOT_FOUND, List.of(NOT_FOUND, ACCOUNT_NOT_FOUND, API_KEY_NOT_FOUND, CODE_NOT_FOUND,
                CHECKIN_PACKAGE_NOT_FOUND, CHECKIN_MANIFEST_NOT_FOUND, EXPORT_NOT_FOUND, KEY_NOT_FOUND, UNIT_NOT_FOUND,
                HOUSEHOLD_NOT_FOUND,
                PLACE_NOT_FOUND, PERSON_NOT_FOUND, INSTALL_CODE_UNKNOWN, DIRECTIVE_NOT_FOUND, TASK_NOT_FOUND,
                TEMPLATE_NOT_FOUND, SLOT_NOT_FOUND));
        put(HttpStatus.METHOD_NOT_ALLOWED, List.of(METHOD_NOT_ALLOWED));
        put(HttpStatus.NOT_ACCEPTABLE, List.of(NOT_ACCEPTABLE));
        put(HttpStatus.REQUEST_TIMEOUT, List.of(BODY_TIMEOUT));
        put(HttpStatus.CONFLICT, List.of(USERNAME_TAKEN, KEY_VERSION_EXISTS, LAST_ACTIVE_KEY, CLOCK_BACKWARDS,
                ALREADY_REGISTERED, VILLAGE_EXISTS, PUBLIC_URL_MISSING, DEVICE_ALREADY_LINKED, REFERRER_EXISTS,
                DIRECTIVE_NUMBER_TAKEN, FIGURES_MISSING));
        put(HttpStatus.LENGTH_REQUIRED, List.of(LENGTH_REQUIRED));
        put(HttpStatus.CONTENT_TOO_LARGE, List.of(PAYLOAD_TOO_LARGE));
        put(HttpStatus.UNSUPPORTED_MEDIA_TYPE, List.of(UNSUPPORTED_MEDIA_TYPE));
        put(HttpStatus.TOO_MANY_REQUESTS, List.of(RATE_LIMITED, PROOF_OF_WORK_REQUIRED));
        put(HttpStatus.INTERNAL_SERVER_ERROR, List.of(INTERNAL_ERROR));
        put(HttpStatus.SERVICE_UNAVAILABLE, List.of(BUSY, DATABASE_UNAVAILABLE, CODES_EXHAUSTED));
    }

    private ErrorStatus() {
    }

    private static void put(HttpStatus status, List<ErrorCode> codes) {
        for (ErrorCode code : codes) {
            if (STATUS.put(code, status) != null) {
                throw new IllegalStateException(code + " is listed twice");
            }
        }
    }

    /** The status of a code; a code missing from the table is a programming error (see ErrorStatusTest). */
    public static HttpStatus of(ErrorCode code) {
        HttpStatus status = STATUS.get(code);
        if (status == null) {
            throw new IllegalStateException("no HTTP status for " + code);
        }
        return status;
    }

    /** The status of a feature's failure: its code's, except that a {@link Conflict} is always a 409. */
    public static HttpStatus of(DomainException e) {
        return e instanceof Conflict ? HttpStatus.CONFLICT : of(e.errorCode());
    }

    /** Whether the failure is a refusal of the caller's rights (console pages show their 403 page for it). */
    public static boolean isForbidden(DomainException e) {
        return of(e) == HttpStatus.FORBIDDEN;
    }
}
