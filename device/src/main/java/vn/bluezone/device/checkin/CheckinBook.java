package vn.bluezone.device.checkin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.bluezone.protocol.checkin.CheckinFormatException;
import vn.bluezone.protocol.checkin.CheckinLink;
import vn.bluezone.protocol.checkin.CheckinRecord;
import vn.bluezone.protocol.checkin.PlacePayload;
import vn.bluezone.protocol.checkin.ProtectedReport;
import vn.bluezone.protocol.checkin.ReportCipher;

/**
 * The user's check-ins: check in by a scanned or opened link, check out by hand or automatically after the place's
 * default stay, correct the times afterwards, choose which to share when reporting a case, purge after 14 days.
 * One place at a time: checking in somewhere closes an open check-in.
 */
public final class CheckinBook {
    public static final Duration RETENTION = Duration.ofDays(14);
    /** Risk level sent with a case's own check-ins (the server has no say: it cannot read them). */
    public static final int CASE_RISK_LEVEL = 5;

    private final CheckinStore store;
    private final Clock clock;
    private final SecureRandom random;

    public CheckinBook(CheckinStore store, Clock clock, SecureRandom random) {
        this.store = Objects.requireNonNull(store);
        this.clock = Objects.requireNonNull(clock);
        this.random = Objects.requireNonNull(random);
    }

    /** Checks in at the place of {@code link} now. Codes: BAD_LINK, NO_PAYLOAD, BAD_PAYLOAD, UNSUPPORTED_VERSION, EVENT_OVER. */
    public StoredCheckin checkIn(String link) {
        CheckinLink parsed;
        try {
            parsed = CheckinLink.parse(link);
        } catch (CheckinFormatException e) {
            throw new CheckinException(e.code(), e.getMessage());
        }
        Instant now = clock.instant();
        PlacePayload p = parsed.payload();
        if (p.endSeconds() != 0 && now.getEpochSecond() >= p.endSeconds()) {
            throw new CheckinException("EVENT_OVER", "this event has ended");
        }
        for (StoredCheckin open : store.all()) {
            if (open.isOpen(now)) {
                store.update(open.withTimes(open.checkIn(), now));
            }
        }
        return store.insert(new StoredCheckin(0, parsed.placeCode(), p.bytes(), now, null,
                now.plus(Duration.ofMinutes(p.defaultStayMinutes()))));
    }

    /** Checks out now (no effect on one already closed). */
    public StoredCheckin checkOut(long id) {
        StoredCheckin c = require(id);
        Instant now = clock.instant();
        if (!c.isOpen(now)) {
            return c;
        }
        StoredCheckin closed = c.withTimes(c.checkIn(), now);
        store.update(closed);
        return closed;
    }

    /**
     * Corrects the times of a check-in (arrived earlier, left later than the automatic check-out, ...). Codes:
     * INVALID_TIMES (end not after start, end in the future, longer than 24 h, older than 14 days), NOT_FOUND.
     */
    public StoredCheckin editTimes(long id, Instant checkIn, Instant checkOut) {
        StoredCheckin c = require(id);
        Instant now = clock.instant();
        if (checkIn == null || checkOut == null || !checkOut.isAfter(checkIn) || checkOut.isAfter(now)
                || Duration.between(checkIn, checkOut).compareTo(Duration.ofHours(24)) > 0
                || checkIn.isBefore(now.minus(RETENTION))) {
            throw new CheckinException("INVALID_TIMES", "a stay must end after it starts, not in the future, last at most "
                    + "24 hours and be within the last 14 days");
        }
        StoredCheckin edited = c.withTimes(checkIn, checkOut);
        store.update(edited);
        return edited;
    }

    /** All kept check-ins, oldest first. */
    public List<StoredCheckin> list() {
        return store.all();
    }

    /** Closed check-ins of the last 14 days: what the consent screen lists, all ticked by default. */
    public List<StoredCheckin> shareable() {
        Instant now = clock.instant();
        Instant from = now.minus(RETENTION);
        List<StoredCheckin> out = new ArrayList<>();
        for (StoredCheckin c : store.all()) {
            if (!c.isOpen(now) && !c.checkIn().isBefore(from)) {
                out.add(c);
            }
        }
        return out;
    }

    /** The encrypted reports of the check-ins the user left ticked (ids from {@link #shareable()}). */
    public List<ProtectedReport> reportsFor(Collection<Long> ticked) {
        Set<Long> ids = Set.copyOf(ticked);
        Instant now = clock.instant();
        List<ProtectedReport> out = new ArrayList<>();
        for (StoredCheckin c : shareable()) {
            if (ids.contains(c.id())) {
                CheckinRecord r = CheckinRecord.covering(c.checkIn().getEpochSecond(), c.end(now).getEpochSecond(),
                        CASE_RISK_LEVEL, "");
                ProtectedReport report = ReportCipher.encrypt(c.place().locationId(), r, random);
                // Remembered so that this phone is not warned about its own check-ins when they are published.
                store.markWarned(ownReportKey(report), now);
                out.add(report);
            }
        }
        return out;
    }

    static String ownReportKey(ProtectedReport r) {
        return "own:" + java.util.Base64.getEncoder().encodeToString(r.mac());
    }

    /** 14-day retention: check-ins, package names and warnings older are deleted. */
    public int purge() {
        return store.purgeBefore(clock.instant().minus(RETENTION));
    }

    private StoredCheckin require(long id) {
        return store.find(id).orElseThrow(() -> new CheckinException("NOT_FOUND", "no check-in " + id));
    }
}
