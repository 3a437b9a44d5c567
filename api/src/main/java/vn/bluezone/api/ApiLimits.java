package vn.bluezone.api;

/**
 * Limits the server enforces on device requests, so that a client can respect them before sending. The server's
 * configuration may only tighten those marked "at most" (server/src/main/java/vn/bluezone/server/keys/README.md).
 */
public final class ApiLimits {
    // Verification.
    /** Digits of the short code a health officer reads out (valid 15 minutes). */
    public static final int SHORT_CODE_LENGTH = 8;
    /** Characters of the long code sent by SMS (valid 24 hours), from {@link #LONG_CODE_ALPHABET}. */
    public static final int LONG_CODE_LENGTH = 16;
    /** No 0/O, 1/I/L or U, so that a code read aloud or typed is not mistaken. */
    public static final String LONG_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
    /** Longest {@code code} accepted by verify (spaces and dashes included). */
    public static final int CODE_MAX_LENGTH = 64;
    public static final int TOKEN_MAX_LENGTH = 200;
    public static final int EKEYHMAC_MAX_LENGTH = 100;
    /** Verify and certificate attempts per client address: a burst of 10, then 60 an hour (default). */
    public static final int ATTEMPTS_BURST = 10;
    public static final int ATTEMPTS_PER_HOUR = 60;

    // Submission.
    /** At most this many keys per upload. */
    public static final int MAX_KEYS_PER_UPLOAD = 30;
    /** Encrypted check-ins one upload may carry. */
    public static final int MAX_CHECKINS_PER_UPLOAD = 100;
    /** A key's start may be at most this many days before today. */
    public static final int MAX_KEY_AGE_DAYS = 14;
    /** At most this many keys of one upload may share a rolling start interval. */
    public static final int MAX_KEYS_PER_START_INTERVAL = 3;
    public static final int KEY_LENGTH_BYTES = 16;
    public static final int MAX_ROLLING_PERIOD = 144;
    public static final int MAX_TRANSMISSION_RISK = 8;
    /** The HMAC key a phone sends with its upload: base64 of this many random bytes. */
    public static final int MIN_HMAC_KEY_BYTES = 16;
    public static final int MAX_HMAC_KEY_BYTES = 128;
    /** Random padding of every upload answer, in bytes before base64 (default bounds). */
    public static final int MIN_PADDING_BYTES = 256;
    public static final int MAX_PADDING_BYTES = 2048;

    // Registry.
    public static final int INSTALL_CODE_LENGTH = 8;
    public static final int REFERRAL_CODE_LENGTH = 7;
    public static final int APP_VERSION_MAX_LENGTH = 32;
    public static final int MODEL_MAX_LENGTH = 64;
    public static final int PLACE_CODE_MAX_LENGTH = 32;
    /** Letters needed before the unit search answers. */
    public static final int UNIT_QUERY_MIN_LETTERS = 2;
    public static final int UNIT_SEARCH_MAX_RESULTS = 100;

    // Distribution.
    /** Export files hold at least this many keys (padded with random ones) and at most {@link #MAX_KEYS_PER_FILE}. */
    public static final int MIN_KEYS_PER_FILE = 1000;
    public static final int MAX_KEYS_PER_FILE = 500_000;

    private ApiLimits() {
    }
}
