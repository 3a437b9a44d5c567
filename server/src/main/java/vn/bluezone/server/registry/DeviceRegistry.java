package vn.bluezone.server.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.api.registry.DeviceRegistration;
import vn.bluezone.api.registry.Heartbeat;
import vn.bluezone.api.registry.HeartbeatResult;
import vn.bluezone.api.registry.RegisteredDevice;
import vn.bluezone.server.problem.DomainException;
import vn.bluezone.server.VietnameseText;
import vn.bluezone.server.registry.attestation.DeviceAttestation;

/**
 * Anonymous installs and their daily heartbeats. A registration's install reaches the roll-ups in batches
 * ({@link InstallQueue}); a heartbeat updates the roll-ups of the device's unit and its
 * ancestors in the same transaction (see {@link InstallCounters}).
 */
@Service
public class DeviceRegistry {
    public static final int INSTALL_CODE_LENGTH = 8;
    public static final int REFERRAL_CODE_LENGTH = 7;
    private static final Pattern APP_VERSION = Pattern.compile("[0-9A-Za-z.+_-]{1,32}");
    private static final Pattern MODEL = Pattern.compile("[\\p{L}\\p{N} ._()+/-]{1,64}");
    private static final Pattern PLACE_CODE = Pattern.compile("[A-Za-z0-9-]{1,32}");
    private static final Pattern DEVICE_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final List<String> PLATFORMS = List.of("android", "ios");
    /** How long an app that lost its first answer may fetch a new secret with its installation id alone. */
    public static final java.time.Duration RETRY_WINDOW = java.time.Duration.ofHours(24);

    private final JdbcTemplate jdbc;
    private final AdministrativeUnits units;
    private final InstallCounters counters;
    private final RegistryClock clock;
    private final InstallQueue installs;
    private final AttestedInstalls attested;
    private final TransactionTemplate tx;

    public DeviceRegistry(JdbcTemplate jdbc, AdministrativeUnits units, InstallCounters counters,
                          RegistryClock clock, InstallQueue installs, AttestedInstalls attested,
                          PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.units = units;
        this.counters = counters;
        this.clock = clock;
        this.installs = installs;
        this.attested = attested;
        this.tx = new TransactionTemplate(transactions);
    }

    /** Registers a device; a repeat with the same installation id answers as {@link #registerOnce} does. */
    public RegisteredDevice register(DeviceRegistration r) {
        return registerOnce(r, null).device();
    }

    /**
     * Registers a device, at most once per {@code installationId}. A repeat never counts again (installs, referrals,
     * places) and returns the first registration's deviceId, installCode and referralCode:
     * <ul>
     * <li>with the device's secret presented ({@code presentedSecret}): that secret again; a wrong one is 401;</li>
     * <li>without it, while the device has sent no heartbeat and is less than {@link #RETRY_WINDOW} old: a new secret
     * (the old one stops working). This is the app retrying after the first answer was lost: it never received the
     * secret, so holding the installation id (122 random bits, sent only to us, stored hashed) is the proof;</li>
     * <li>otherwise 409 ALREADY_REGISTERED: once the app has used its secret, only the secret authenticates it.</li>
     * </ul>
     * Fields that differ in the repeat (another commune or referral code) are ignored: the first registration holds.
     * <p>
     * A new install is one statement on PostgreSQL (the device row, marked with its transaction for
     * {@link InstallQueue}) and runs without a transaction of its own, saving the COMMIT round trip (issue 15 §5); one
     * with an attestation verdict (which binds an App Attest key too), or on H2 (two statements), runs in a
     * transaction.
     */
    public RegistrationOutcome registerOnce(DeviceRegistration r, String presentedSecret) {
        if (r == null) {
            throw new DomainException(ErrorCode.BAD_REQUEST, "A JSON body is required");
        }
        String platform = r.platform() == null ? "" : r.platform().trim().toLowerCase(Locale.ROOT);
        if (!PLATFORMS.contains(platform)) {
            throw new DomainException(ErrorCode.BAD_PLATFORM, "platform must be one of " + PLATFORMS);
        }
        if (r.appVersion() == null || !APP_VERSION.matcher(r.appVersion()).matches()) {
            throw new DomainException(ErrorCode.BAD_APP_VERSION,
                    "appVersion is required: 1 to 32 letters, digits or . + _ -");
        }
        String model = r.model() == null || r.model().isBlank() ? null : VietnameseText.nfc(r.model());
        if (model != null && !MODEL.matcher(model).matches()) {
            throw new DomainException(ErrorCode.BAD_MODEL, "model is at most 64 letters, digits, spaces or . _ ( ) + / -");
        }
        String communeCode = blankToNull(r.communeCode());
        if (communeCode != null) {
            Optional<AdministrativeUnit> commune = units.find(communeCode);
            if (commune.isEmpty() || commune.get().level() != UnitLevel.COMMUNE) {
                throw new DomainException(ErrorCode.UNKNOWN_COMMUNE,
                        "communeCode '" + communeCode + "' is not a GSO commune code");
            }
        }
        if (r.villageId() != null) {
            AdministrativeUnit village = units.findVillage(r.villageId()).orElseThrow(() -> new DomainException(ErrorCode.UNKNOWN_VILLAGE, "villageId " + r.villageId() + " does not exist"));
            if (communeCode != null && !communeCode.equals(village.parentCode())) {
                throw new DomainException(ErrorCode.VILLAGE_NOT_IN_COMMUNE,
                        "village " + r.villageId() + " is not in commune " + communeCode);
            }
            communeCode = village.parentCode();
        }
        String referredBy = blankToNull(ShortCodes.normalise(r.referralCode()));
        if (referredBy != null) {
            boolean known = ShortCodes.isCode(referredBy, REFERRAL_CODE_LENGTH) && Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT COUNT(*) > 0 FROM device WHERE referral_code = ?", Boolean.class, referredBy));
            if (!known) {
                throw new DomainException(ErrorCode.UNKNOWN_REFERRAL_CODE,
                        "referralCode '" + r.referralCode() + "' was not given to any install");
            }
        }
        String placeCode = blankToNull(r.placeCode());
        if (placeCode != null && !PLACE_CODE.matcher(placeCode).matches()) {
            throw new DomainException(ErrorCode.BAD_PLACE_CODE, "placeCode is 1 to 32 letters, digits or -");
        }

        String installation = installationHash(r.installationId());
        // Checked before anything is written; a missing attestation is no error (the install counts apart).
        DeviceAttestation.Verdict verdict = attested.verifyRegistration(r.attestation(), r.installationId());
        String commune = communeCode;
        if (verdict == null && installs.oneStatement()) {
            return create(r, platform, model, commune, referredBy, placeCode, installation, verdict, presentedSecret);
        }
        return tx.execute(s -> create(r, platform, model, commune, referredBy, placeCode, installation, verdict,
                presentedSecret));
    }

    /**
     * Writes the new device, or answers as a repeat when its installation registered before. The insert comes first
     * (a new install, the common case, takes one round trip): it does nothing when the installation hash (unique)
     * exists, and the earlier device is then recalled.
     */
    private RegistrationOutcome create(DeviceRegistration r, String platform, String model, String communeCode,
                                       String referredBy, String placeCode, String installation,
                                       DeviceAttestation.Verdict verdict, String presentedSecret) {
        Instant now = clock.clock().instant();
        LocalDate day = LocalDate.ofInstant(now, clock.zone());
        String id = UUID.randomUUID().toString();
        String secret = ShortCodes.secret();
        // Random codes can collide (rarely); ON CONFLICT DO NOTHING keeps the transaction usable so we just retry.
        for (int attempt = 0; attempt < 20; attempt++) {
            String installCode = ShortCodes.code(INSTALL_CODE_LENGTH);
            String referralCode = ShortCodes.code(REFERRAL_CODE_LENGTH);
            // Counted in the roll-ups in batches by InstallQueue.flush (issue 15 §5).
            String unit = r.villageId() != null ? AdministrativeUnit.villageCode(r.villageId())
                    : communeCode != null ? communeCode : AdministrativeUnit.NATION_CODE;
            int inserted = installs.insertCounted("id, secret_hash, platform, app_version, model, "
                            + "commune_code, village_id, install_code, referral_code, referred_by, place_code, "
                            + "registered_at, registered_day, installation_hash, attestation_kind, attested_day",
                    new Object[] {id, ShortCodes.hash(secret), platform, r.appVersion(), model, communeCode,
                        r.villageId(), installCode, referralCode, referredBy, placeCode, Timestamp.from(now),
                        Date.valueOf(day), installation, verdict == null ? null : verdict.kind(),
                        verdict == null ? null : Date.valueOf(day)}, unit, day, verdict != null);
            if (inserted == 1) {
                attested.registered(verdict, id);
                return new RegistrationOutcome(new RegisteredDevice(id, secret, installCode, referralCode), true,
                        unit);
            }
            if (installation != null) {
                // The installation registered before (or a concurrent registration of it committed first): a repeat.
                Optional<RegistrationOutcome> earlier = recall(installation, presentedSecret, now);
                if (earlier.isPresent()) {
                    attestEarlier(earlier.get(), verdict, day);
                    return earlier.get();
                }
            }
        }
        throw new DomainException(ErrorCode.CODES_EXHAUSTED, "Could not allocate codes; retry");
    }

    /** A repeated registration that now carries a verdict attests the install it registered before. */
    private void attestEarlier(RegistrationOutcome earlier, DeviceAttestation.Verdict verdict, LocalDate day) {
        if (verdict == null) {
            return;
        }
        Map<String, Object> d = jdbc.queryForMap("SELECT commune_code, village_id FROM device WHERE id = ?",
                earlier.device().deviceId());
        Long villageId = d.get("village_id") == null ? null : ((Number) d.get("village_id")).longValue();
        attested.attestExisting(verdict, earlier.device().deviceId(), chainOf((String) d.get("commune_code"),
                villageId), day);
    }

    private static String installationHash(String installationId) {
        if (installationId == null || installationId.isBlank()) {
            return null;
        }
        String id = installationId.trim().toLowerCase(Locale.ROOT);
        if (!DEVICE_ID.matcher(id).matches()) {
            throw new DomainException(ErrorCode.BAD_INSTALLATION_ID,
                    "installationId is a UUID the app generates once, e.g. 3f2b8c1e-5d4a-4b6f-9e21-7c0d8a9b1f34");
        }
        return ShortCodes.hash(id);
    }

    /** The device an installation registered earlier, answered per {@link #registerOnce}; empty when none. */
    private Optional<RegistrationOutcome> recall(String installation, String presentedSecret, Instant now) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT id, secret_hash, install_code, referral_code, "
                + "registered_at, last_seen_day FROM device WHERE installation_hash = ?", installation);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> d = rows.get(0);
        String id = (String) d.get("id");
        String installCode = (String) d.get("install_code");
        String referralCode = (String) d.get("referral_code");
        if (presentedSecret != null && !presentedSecret.isBlank()) {
            if (!MessageDigest.isEqual(((String) d.get("secret_hash")).getBytes(StandardCharsets.US_ASCII),
                    ShortCodes.hash(presentedSecret).getBytes(StandardCharsets.US_ASCII))) {
                throw new DomainException(ErrorCode.BAD_DEVICE_CREDENTIALS,
                        "Unknown device or wrong device secret");
            }
            return Optional.of(new RegistrationOutcome(
                    new RegisteredDevice(id, presentedSecret, installCode, referralCode), false));
        }
        Instant registeredAt = instant(d.get("registered_at"));
        if (d.get("last_seen_day") == null && registeredAt != null && registeredAt.plus(RETRY_WINDOW).isAfter(now)) {
            String secret = ShortCodes.secret();
            int rotated = jdbc.update("UPDATE device SET secret_hash = ? WHERE id = ? AND last_seen_day IS NULL",
                    ShortCodes.hash(secret), id);
            if (rotated == 1) {
                return Optional.of(new RegistrationOutcome(
                        new RegisteredDevice(id, secret, installCode, referralCode), false));
            }
        }
        throw new DomainException(ErrorCode.ALREADY_REGISTERED, "This installation is already registered; "
                + "send its device secret as 'Authorization: Bearer <deviceSecret>' to get its codes again");
    }

    private static Instant instant(Object o) {
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof java.time.OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof Instant t) {
            return t;
        }
        return null;
    }

    /** The units a device counts in, country first. */
    List<String> chainOf(String communeCode, Long villageId) {
        if (villageId != null) {
            return units.chainCodes(AdministrativeUnit.villageCode(villageId));
        }
        if (communeCode != null) {
            return units.chainCodes(communeCode);
        }
        return List.of(AdministrativeUnit.NATION_CODE);
    }

    @Transactional
    public HeartbeatResult heartbeat(String deviceId, String secret, Heartbeat h) {
        return heartbeatAt(deviceId, secret, h, clock.clock().instant());
    }

    /**
     * A heartbeat as if it arrived at {@code now}: the demo data's phones that ran yesterday and today. Calls must come
     * in time order per device (a day before the device's last heartbeat counts for nothing).
     */
    @Transactional
    public HeartbeatResult heartbeatAt(String deviceId, String secret, Heartbeat h, Instant now) {
        if (secret == null || secret.isBlank()) {
            throw new DomainException(ErrorCode.DEVICE_AUTH_REQUIRED,
                    "Send the device secret as 'Authorization: Bearer <deviceSecret>'");
        }
        Map<String, Object> device = deviceId == null || !DEVICE_ID.matcher(deviceId).matches() ? null
                : jdbc.queryForList("SELECT secret_hash, commune_code, village_id, last_seen_day FROM device "
                        + "WHERE id = ?", deviceId).stream().findFirst().orElse(null);
        // Unknown device and wrong secret answer alike, so device ids cannot be probed.
        if (device == null || !MessageDigest.isEqual(
                ((String) device.get("secret_hash")).getBytes(StandardCharsets.US_ASCII),
                ShortCodes.hash(secret).getBytes(StandardCharsets.US_ASCII))) {
            throw new DomainException(ErrorCode.BAD_DEVICE_CREDENTIALS,
                    "Unknown device or wrong device secret");
        }
        if (h == null || h.bluetoothOn() == null) {
            throw new DomainException(ErrorCode.BAD_HEARTBEAT, "bluetoothOn (true or false) is required");
        }
        if (h.appVersion() != null && !APP_VERSION.matcher(h.appVersion()).matches()) {
            throw new DomainException(ErrorCode.BAD_APP_VERSION, "appVersion is 1 to 32 letters, digits or . + _ -");
        }
        DeviceAttestation.Verdict verdict = attested.verifyHeartbeat(h.attestation(), deviceId);
        LocalDate day = LocalDate.ofInstant(now, clock.zone());
        java.sql.Date previous = (java.sql.Date) toSqlDate(device.get("last_seen_day"));
        LocalDate previousDay = previous == null ? null : previous.toLocalDate();
        boolean on = h.bluetoothOn();
        Long villageId = device.get("village_id") == null ? null : ((Number) device.get("village_id")).longValue();
        List<String> chain = chainOf((String) device.get("commune_code"), villageId);
        attested.attestExisting(verdict, deviceId, chain, day);
        String versionSet = h.appVersion() == null ? "" : ", app_version = ?";
        if (previousDay == null || previousDay.isBefore(day)) {
            // The condition on the previous day makes the first heartbeat of a day count once, even when two race.
            Object[] args = h.appVersion() == null
                    ? new Object[] {Date.valueOf(day), Timestamp.from(now), on, deviceId}
                    : new Object[] {Date.valueOf(day), Timestamp.from(now), on, h.appVersion(), deviceId};
            String where = previousDay == null ? " AND last_seen_day IS NULL" : " AND last_seen_day = ?";
            Object[] all = previousDay == null ? args : append(args, Date.valueOf(previousDay));
            // The first heartbeat ever also sets first_seen_day (referrals and places count from a second day on).
            int won = jdbc.update("UPDATE device SET first_seen_day = COALESCE(first_seen_day, ?), last_seen_day = ?, "
                    + "last_seen_at = ?, bluetooth_on = ?" + versionSet + " WHERE id = ?" + where,
                    prepend(Date.valueOf(day), all));
            if (won == 1) {
                counters.firstHeartbeat(chain, day, previousDay, on);
                return new HeartbeatResult(true, day);
            }
        }
        int flipped = jdbc.update("UPDATE device SET bluetooth_on = ? WHERE id = ? AND last_seen_day = ? "
                + "AND bluetooth_on <> ?", on, deviceId, Date.valueOf(day), on);
        if (flipped == 1) {
            counters.bluetoothChanged(chain, day, on);
        }
        Object[] args = h.appVersion() == null ? new Object[] {Timestamp.from(now), deviceId}
                : new Object[] {Timestamp.from(now), h.appVersion(), deviceId};
        jdbc.update("UPDATE device SET last_seen_at = ?" + versionSet + " WHERE id = ?", args);
        return new HeartbeatResult(false, day);
    }

    /**
     * The campaign demo's phones (labelled DEMO like the rest of the demo): marks an install attested with kind
     * {@code DEMO}, as a verified verdict would, so the demo shows a compliant cohort person. Never reached from the
     * API; only the demo loader calls it, on a database it fills with demo data.
     */
    @Transactional
    public void attestDemoInstall(String deviceId) {
        Map<String, Object> d = jdbc.queryForMap("SELECT commune_code, village_id FROM device WHERE id = ?", deviceId);
        Long villageId = d.get("village_id") == null ? null : ((Number) d.get("village_id")).longValue();
        attested.attestExisting(new DeviceAttestation.Verdict("DEMO", null), deviceId,
                chainOf((String) d.get("commune_code"), villageId), LocalDate.ofInstant(clock.clock().instant(),
                        clock.zone()));
    }

    private static Object toSqlDate(Object o) {
        if (o instanceof LocalDate d) {
            return Date.valueOf(d);
        }
        return o;
    }

    private static Object[] prepend(Object x, Object[] a) {
        Object[] r = new Object[a.length + 1];
        r[0] = x;
        System.arraycopy(a, 0, r, 1, a.length);
        return r;
    }

    private static Object[] append(Object[] a, Object x) {
        Object[] r = java.util.Arrays.copyOf(a, a.length + 1);
        r[a.length] = x;
        return r;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
