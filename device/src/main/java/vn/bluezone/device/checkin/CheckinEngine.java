package vn.bluezone.device.checkin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import vn.bluezone.protocol.Hex;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import vn.bluezone.device.PhoneJson;
import vn.bluezone.device.messages.HealthHotline;
import vn.bluezone.device.port.KeyServerClient;
import vn.bluezone.device.server.KeyServerException;
import vn.bluezone.device.server.SignedConfiguration;
import vn.bluezone.protocol.checkin.CheckinMatch;
import vn.bluezone.protocol.checkin.CheckinMatcher;
import vn.bluezone.protocol.checkin.LocalCheckin;
import vn.bluezone.protocol.checkin.PlacePayload;
import vn.bluezone.protocol.checkin.ProtectedReport;
import vn.bluezone.protocol.export.P256Keys;
import vn.bluezone.protocol.export.VerificationKey;

/**
 * Check-ins on the phone, beside the Bluetooth engine: the {@link #book() book} of the user's check-ins, and
 * {@link #check()} at each exposure check — new packages of the phone's regions downloaded, their signatures
 * verified with the keys trusted for export files, through the signed daily manifests of their hashes where the
 * server has them (a tampered or unsigned package or manifest is rejected and retried later),
 * the location-id hashes matched against the phone's own check-ins, matching reports MAC-checked and decrypted,
 * and a warning given once per check-in (and per officer message) when the stays overlap at least the minimum
 * from the signed configuration ({@code checkins.minimumOverlapMinutes}, default 15); the warning's advice names the
 * configuration's health hotline ({@code health.hotline}), else the app's shipped one ({@link HealthHotline}).
 * Reports this phone uploaded itself never warn it.
 */
public final class CheckinEngine {
    public static final int DEFAULT_MINIMUM_OVERLAP_MINUTES = 15;
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final ObjectMapper JSON = PhoneJson.mapper();

    private final CheckinStore store;
    private final CheckinServerClient server;
    private final KeyServerClient config;
    private final List<VerificationKey> trusted;
    private final List<String> regions;
    private final Clock clock;
    private final CheckinNotifier notifier;
    private final Locale locale;
    private final CheckinBook book;
    private final PackageReader packages;
    private int minimumOverlapMinutes = DEFAULT_MINIMUM_OVERLAP_MINUTES;
    private String configuredHotline;
    private String shippedHotline;

    /**
     * @param config      the key server client, used only for the signed configuration ({@code GET /api/v1/config})
     * @param trustedPems P-256 public keys trusted for export files (the same keys sign check-in packages)
     */
    public CheckinEngine(CheckinStore store, CheckinServerClient server, KeyServerClient config, List<String> trustedPems,
                         List<String> regions, Clock clock, SecureRandom random, CheckinNotifier notifier, Locale locale) {
        this.store = Objects.requireNonNull(store);
        this.server = Objects.requireNonNull(server);
        this.config = Objects.requireNonNull(config);
        this.trusted = trustedPems.stream().map(p -> VerificationKey.of(P256Keys.readPublicKey(p))).toList();
        if (trusted.isEmpty()) {
            throw new IllegalArgumentException("a trusted signing key is needed: unsigned packages are never used");
        }
        this.regions = List.copyOf(regions);
        this.clock = Objects.requireNonNull(clock);
        this.notifier = Objects.requireNonNull(notifier);
        this.locale = Objects.requireNonNull(locale);
        this.book = new CheckinBook(store, clock, random);
        this.packages = new PackageReader(server, trusted);
    }

    public CheckinBook book() {
        return book;
    }

    /** The reports to upload with a case's keys: the check-ins the user left ticked on the consent screen. */
    public List<ProtectedReport> reportsToShare(List<Long> tickedIds) {
        return book.reportsFor(tickedIds);
    }

    public CheckinCheckResult check() {
        refreshConfiguration();
        Instant now = clock.instant();
        // Packages are scanned for the phone's own places only: the reports about other places (nearly all) are
        // length-checked but never built (PackageScan); each is verified through its day's signed manifest, or by
        // its own signature where no manifest lists it (PackageReader).
        CheckinMatcher places = new CheckinMatcher(locals(store.all(), now));
        PackageReader.Tally tally = new PackageReader.Tally();
        for (String region : regions) {
            List<String> fresh = new ArrayList<>();
            try {
                for (String name : server.packageIndex(region)) {
                    if (!store.packageChecked(name)) {
                        fresh.add(name);
                    }
                }
            } catch (KeyServerException e) {
                tally.problem = e.errorCode();
                continue;
            }
            packages.read(region, fresh, places, tally);
        }
        List<CheckinWarning> warnings = warn(tally.kept, now);
        for (String name : tally.read) {
            store.markPackageChecked(name, now);
        }
        return new CheckinCheckResult(tally.read.size(), tally.reports, warnings, tally.rejected, minimumOverlapMinutes,
                tally.problem, tally.viaManifest);
    }

    private static List<LocalCheckin> locals(List<StoredCheckin> mine, Instant now) {
        List<LocalCheckin> locals = new ArrayList<>();
        for (StoredCheckin c : mine) {
            Instant end = c.isOpen(now) ? now : c.end(now);
            if (end.isAfter(c.checkIn())) {
                locals.add(new LocalCheckin(c.id(), c.place().locationId(), c.checkIn().getEpochSecond(), end.getEpochSecond()));
            }
        }
        return locals;
    }

    private List<CheckinWarning> warn(List<ProtectedReport> reports, Instant now) {
        List<StoredCheckin> mine = store.all();
        List<LocalCheckin> locals = locals(mine, now);
        List<CheckinWarning> given = new ArrayList<>();
        if (locals.isEmpty() || reports.isEmpty()) {
            return given;
        }
        List<ProtectedReport> others = reports.stream()
                .filter(r -> !store.warned(CheckinBook.ownReportKey(r))).toList();
        for (CheckinMatch m : new CheckinMatcher(locals).match(others)) {
            if (m.overlapMinutes() < minimumOverlapMinutes) {
                continue;
            }
            boolean officer = m.isPlaceWarning();
            String key = "warned:" + m.checkin().ref() + (officer ? ":officer:" + sha(m.record().message()) : ":case");
            if (!store.markWarned(key, now)) {
                continue;
            }
            StoredCheckin c = mine.stream().filter(s -> s.id() == m.checkin().ref()).findFirst().orElseThrow();
            PlacePayload place = c.place();
            long from = Math.max(m.checkin().startSeconds(), m.record().startSeconds());
            CheckinWarning w = new CheckinWarning(officer ? CheckinWarning.Kind.OFFICER : CheckinWarning.Kind.CASE, c.id(),
                    place.description(), place.address(), LocalDate.ofInstant(Instant.ofEpochSecond(from), VIETNAM),
                    m.overlapMinutes(), m.record().message());
            notifier.notify(w, CheckinWarningMessages.render(w, locale, healthHotline()));
            given.add(w);
        }
        return given;
    }

    /**
     * Reads {@code checkins.minimumOverlapMinutes} and {@code health.hotline} from the signed configuration; keeps
     * the last values otherwise.
     */
    private void refreshConfiguration() {
        try {
            SignedConfiguration sc = config.configuration();
            byte[] text = sc.json().getBytes(StandardCharsets.UTF_8);
            byte[] sig = Base64.getDecoder().decode(sc.signatureBase64());
            if (trusted.stream().noneMatch(k -> k.verifies(text, sig, "1.2.840.10045.4.3.2"))) {
                return;
            }
            JsonNode doc = JSON.readTree(text);
            JsonNode m = doc.path("checkins").path("minimumOverlapMinutes");
            if (m.isInt() && m.asInt() >= 1 && m.asInt() <= 240) {
                minimumOverlapMinutes = m.asInt();
            }
            useHealthHotline(doc.path("health").path("hotline").asText(null));
        } catch (KeyServerException | IOException | RuntimeException e) {
            // unreachable or unreadable: keep the last verified minimum
        }
    }

    /**
     * The server's health hotline: a verified configuration's {@code health.hotline}, or one the app kept from an
     * earlier verified configuration (so warnings name it offline too). Ignored unless a phone number.
     */
    public void useHealthHotline(String hotline) {
        if (HealthHotline.isPhoneNumber(hotline)) {
            configuredHotline = hotline;
        }
    }

    /** The hotline the app ships with, named while no server's hotline is known. Ignored unless a phone number. */
    public void useShippedHotline(String hotline) {
        if (HealthHotline.isPhoneNumber(hotline)) {
            shippedHotline = hotline;
        }
    }

    /** The hotline the warnings name ({@link HealthHotline}: the server's, else the shipped one), or null: none. */
    public String healthHotline() {
        return HealthHotline.choose(configuredHotline, shippedHotline);
    }

    public int minimumOverlapMinutes() {
        return minimumOverlapMinutes;
    }

    private static String sha(String s) {
        try {
            return Hex.format(java.util.Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)), 8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
