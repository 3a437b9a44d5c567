package vn.bluezone.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Paths of the device-facing API (and of the few officers' calls the simulator and load generators make). The
 * constants are absolute and usable in Spring mappings; clients resolve {@link #relative} forms against the
 * server's base URL so that a server behind a path prefix works. Path variables are in braces.
 */
public final class ApiPaths {
    public static final String V1 = "/api/v1";

    // Verification and submission (a confirmed case's phone).
    public static final String VERIFY = V1 + "/verify";
    /** A proof-of-work challenge for {@link #VERIFY} (asked for after {@code PROOF_OF_WORK_REQUIRED}). */
    public static final String VERIFY_CHALLENGE = V1 + "/verify/challenge";
    public static final String CERTIFICATE = V1 + "/certificate";
    public static final String DIAGNOSIS_KEYS = V1 + "/diagnosis-keys";
    /** Request header marking a fake upload: same answer shape, nothing stored. Value {@code 1}. */
    public static final String CHAFF_HEADER = "X-Chaff";

    // Distribution (every phone).
    public static final String EXPORTS = V1 + "/exports";
    public static final String EXPORT_INDEX = EXPORTS + "/{region}/index.txt";
    public static final String EXPORT_DAILY_INDEX = EXPORTS + "/{region}/index-daily.txt";
    public static final String EXPORT_FILE = EXPORTS + "/{region}/{file}.zip";
    public static final String EXPORT_PUBLIC_KEY = EXPORTS + "/public-key";
    public static final String CONFIG = V1 + "/config";
    // Check-in packages (every phone).
    public static final String CHECKINS = V1 + "/checkins";
    public static final String CHECKIN_INDEX = CHECKINS + "/{region}/index.txt";
    /** {@code file} is {@code hour-START-END}; the index lists {@code REGION/hour-START-END.bin}. */
    public static final String CHECKIN_FILE = CHECKINS + "/{region}/{file}.bin";
    /**
     * A region's signed manifest of the UTC day starting at {@code day} (epoch seconds, a multiple of 86400): the
     * day's package names and their files' SHA-256 (protocol {@code CheckinManifest}).
     */
    public static final String CHECKIN_MANIFEST = CHECKINS + "/{region}/day-{day}.manifest";

    // Registry (every install).
    public static final String DEVICES = V1 + "/devices";
    public static final String HEARTBEAT = DEVICES + "/{deviceId}/heartbeat";
    /** Installs from this phone's referral link (same {@code Bearer} device secret as the heartbeat). */
    public static final String REFERRALS = DEVICES + "/{deviceId}/referrals";
    public static final String UNITS = V1 + "/units";
    public static final String UNIT = UNITS + "/{code}";
    public static final String UNIT_CHILDREN = UNITS + "/{code}/children";
    /** The public install page a poster's QR code points to (HTML, not JSON). */
    public static final String INSTALL_PAGE = "/i/{placeCode}";
    /** The public page a shared invitation opens ({@code <public-url>/r/{referralCode}}); the app handles it too. */
    public static final String REFERRAL_PAGE = "/r/{referralCode}";

    // Officers' calls used by the simulator and the load generator (X-Api-Key).
    public static final String ADMIN_CODES = V1 + "/admin/codes";
    public static final String ADMIN_EXPORTS_RUN = V1 + "/admin/exports/run";
    public static final String ADMIN_CLOCK = V1 + "/admin/clock";

    private ApiPaths() {
    }

    /** {@code path} without its leading slash, to resolve against a base URL ending in a slash. */
    public static String relative(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    public static String exportIndex(String region) {
        return EXPORT_INDEX.replace("{region}", segment(region));
    }

    public static String exportDailyIndex(String region) {
        return EXPORT_DAILY_INDEX.replace("{region}", segment(region));
    }

    /** {@code file} as listed in an index ({@code REGION/name.zip}) or its bare name, with or without {@code .zip}. */
    public static String exportFile(String region, String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        if (name.endsWith(".zip")) {
            name = name.substring(0, name.length() - 4);
        }
        return EXPORT_FILE.replace("{region}", segment(region)).replace("{file}", segment(name));
    }

    public static String checkinManifest(String region, long day) {
        return CHECKIN_MANIFEST.replace("{region}", segment(region)).replace("{day}", Long.toString(day));
    }

    public static String heartbeat(String deviceId) {
        return HEARTBEAT.replace("{deviceId}", segment(deviceId));
    }

    public static String referrals(String deviceId) {
        return REFERRALS.replace("{deviceId}", segment(deviceId));
    }

    public static String unit(String code) {
        return UNIT.replace("{code}", segment(code));
    }

    public static String unitChildren(String code) {
        return UNIT_CHILDREN.replace("{code}", segment(code));
    }

    public static String installPage(String placeCode) {
        return INSTALL_PAGE.replace("{placeCode}", segment(placeCode));
    }

    private static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
