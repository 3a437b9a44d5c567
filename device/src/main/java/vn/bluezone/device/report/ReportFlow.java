package vn.bluezone.device.report;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import vn.bluezone.protocol.checkin.ProtectedReport;
import java.util.TreeSet;
import java.util.function.LongConsumer;

import vn.bluezone.api.KeyHmac;
import vn.bluezone.api.submission.DiagnosisKey;
import vn.bluezone.device.keys.KeyRotation;
import vn.bluezone.device.port.KeyServerClient;
import vn.bluezone.device.server.DiagnosisKeyUpload;
import vn.bluezone.device.server.KeyServerException;
import vn.bluezone.device.server.SubmissionResult;
import vn.bluezone.device.server.VerifiedCode;
import vn.bluezone.device.store.DeviceStorage;
import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.protocol.TemporaryExposureKey;

/**
 * Reporting a case: the user types the code the health officer gave → {@link #verify} (the server checks it and
 * answers a token) → the app shows what would be shared → only {@link #uploadWithConsent} sends anything else:
 * a certificate request bound to the HMAC of the keys, then the last 14 days of this phone's daily keys. After a
 * successful upload the phone ends its current key and starts a fresh one, so that what it broadcasts from now on
 * cannot be linked to the published keys. Sightings, contacts, location and phone number never leave the phone.
 */
public final class ReportFlow {
    /** Keys uploaded: today's and the 13 days before (the infectious period the server accepts). */
    public static final int DAYS_UPLOADED = 14;
    /** Transmission risk sent with every key; the server's report type and onset date carry the real weighting. */
    public static final int TRANSMISSION_RISK = 0;
    public static final String STATE_REPORTED_AT = "report.at";
    public static final String STATE_REPORT_TYPE = "report.type";

    private final KeyServerClient server;
    private final DeviceStorage storage;
    private final KeyRotation rotation;
    private final Clock clock;
    private final SecureRandom random;
    private final LongConsumer sleep;

    public ReportFlow(KeyServerClient server, DeviceStorage storage, KeyRotation rotation, Clock clock,
                      SecureRandom random) {
        this(server, storage, rotation, clock, random, UploadRetry::sleep);
    }

    /** With the wait between upload attempts given (tests). */
    ReportFlow(KeyServerClient server, DeviceStorage storage, KeyRotation rotation, Clock clock,
               SecureRandom random, LongConsumer sleep) {
        this.sleep = Objects.requireNonNull(sleep);
        this.server = Objects.requireNonNull(server);
        this.storage = Objects.requireNonNull(storage);
        this.rotation = Objects.requireNonNull(rotation);
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
    }

    /** Step 1: checks the code with the server. Sends only the code. */
    public PendingReport verify(String code) throws KeyServerException {
        String c = code == null ? "" : code.strip();
        if (c.isEmpty()) {
            throw new IllegalArgumentException("enter the code the health officer gave you");
        }
        VerifiedCode v = server.verify(c);
        // The key on air now will be shortened and uploaded too.
        List<TemporaryExposureKey> keys = keysToUpload(true);
        TreeSet<LocalDate> days = new TreeSet<>();
        for (TemporaryExposureKey k : keys) {
            days.add(LocalDate.ofInstant(EnIntervalNumber.toInstant(k.rollingStartIntervalNumber()), ZoneOffset.UTC));
        }
        return new PendingReport(v.token(), v.reportType(), v.onsetDate(), keys.size(), new ArrayList<>(days));
    }

    /**
     * Step 2, only when the user has agreed: certificate, upload, fresh key. Throws when the server refuses
     * (e.g. the token expired); then the phone keeps its key and the user may try again with a new code.
     */
    public ReportResult uploadWithConsent(PendingReport pending) throws KeyServerException {
        return uploadWithConsent(pending, List.of());
    }

    /**
     * The same, with the encrypted check-ins the user left ticked on the consent screen
     * ({@code CheckinEngine.reportsToShare}); the certificate's HMAC binds them with the keys.
     */
    public ReportResult uploadWithConsent(PendingReport pending, List<ProtectedReport> checkins) throws KeyServerException {
        Objects.requireNonNull(pending, "a verified report is needed before uploading");
        // End today's key now so that it can be published; from here on the phone broadcasts a fresh key.
        rotation.startFreshKey();
        List<TemporaryExposureKey> keys = keysToUpload(false);
        if (keys.isEmpty()) {
            return new ReportResult(0, 0, List.of("no_keys"));
        }
        byte[] hmacKey = new byte[32];
        random.nextBytes(hmacKey);
        String certificate = server.certificate(pending.token(), KeyHmac.computeBase64(hmacKey, DiagnosisKey.of(keys),
                DiagnosisKeyUpload.checkinReports(checkins)));
        // Resent unchanged when no answer came (UploadRetry): the server answers a repeat with the stored answer.
        SubmissionResult r = UploadRetry.submit(server, new DiagnosisKeyUpload(keys, certificate,
                Base64.getEncoder().encodeToString(hmacKey), padding(), checkins), sleep);
        storage.setState(STATE_REPORTED_AT, clock.instant().toString());
        storage.setState(STATE_REPORT_TYPE, pending.reportType().name());
        return new ReportResult(keys.size(), r.accepted(), r.rejectionReasons(), checkins.size(), r.checkinsAccepted());
    }

    /** This phone's keys of the last 14 days, with the transmission risk set; the one now on air only if asked. */
    List<TemporaryExposureKey> keysToUpload(boolean includeOnAir) {
        long now = EnIntervalNumber.of(clock.instant());
        long from = EnIntervalNumber.dayStart(now) - (long) (DAYS_UPLOADED - 1) * EnIntervalNumber.TEK_ROLLING_PERIOD;
        byte[] onAir = includeOnAir ? null : rotation.currentKeyData();
        List<TemporaryExposureKey> out = new ArrayList<>();
        for (TemporaryExposureKey k : storage.keysEndingAfter(from)) {
            if (onAir != null && Arrays.equals(onAir, k.keyData())) {
                continue;
            }
            if (k.rollingStartIntervalNumber() > now) {
                continue;
            }
            out.add(new TemporaryExposureKey(k.keyData(), k.rollingStartIntervalNumber(), k.rollingPeriod(),
                    TRANSMISSION_RISK, k.reportType(), null));
        }
        return out;
    }

    /** Random padding so that an upload's size says nothing about how many keys it holds. */
    private String padding() {
        byte[] p = new byte[256 + random.nextInt(768)];
        random.nextBytes(p);
        return Base64.getEncoder().encodeToString(p);
    }

    /** Whether this phone reported a case, and when (by its own clock). */
    public static java.util.Optional<Instant> reportedAt(DeviceStorage storage) {
        return storage.state(STATE_REPORTED_AT).map(Instant::parse);
    }
}
