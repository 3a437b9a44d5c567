package vn.bluezone.simulator.venue;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.bluezone.device.checkin.CheckinBook;
import vn.bluezone.protocol.checkin.CheckinMatch;
import vn.bluezone.protocol.checkin.CheckinMatcher;
import vn.bluezone.protocol.checkin.CheckinRecord;
import vn.bluezone.protocol.checkin.LocalCheckin;
import vn.bluezone.protocol.checkin.LocationId;
import vn.bluezone.protocol.checkin.PlacePayload;
import vn.bluezone.protocol.checkin.ProtectedReport;
import vn.bluezone.protocol.checkin.ReportCipher;
import vn.bluezone.simulator.day.PlaceKind;
import vn.bluezone.simulator.day.Ticks;
import vn.bluezone.simulator.util.IntList;
import vn.bluezone.simulator.util.Rand;

/**
 * The check-ins of the app users who check in, at markets, eateries and the one-stop desk, kept 14 days as on
 * the phones. Each place has its own QR payload (so its own location id). When a confirmed case's upload is
 * published, each of the case's check-ins becomes an encrypted report ({@link ReportCipher}, the record rounded
 * to 10-minute intervals as the phone's {@link CheckinBook} does), and the check-ins other phones hold at those
 * places are matched against the reports by the protocol's own {@link CheckinMatcher}; a phone is warned when the
 * overlap reaches the minimum ({@code checkins.minimumOverlapMinutes}, the device engine's rule). Phones never
 * match their own reports. The phone checks out when the person leaves (by hand).
 */
public final class CheckinLog {
    static final int RETENTION_DAYS = 14;
    private static final long CHECKIN = 0x43686B49L;
    private static final long PLACE_SEED = 0x506C5365L;
    /** Simulated minute 0: a Monday, Vietnam time (only whole 10-minute intervals matter). */
    static final long EPOCH_SECONDS = LocalDateTime.of(2026, 1, 5, 0, 0).toEpochSecond(ZoneOffset.ofHours(7));

    /** Told of each phone warned by a check-in. */
    public interface Warner {
        void warn(int person, int fromCase, int minute);
    }

    private final long seed;
    private final boolean[] checksIn;
    private final int minimumOverlapMinutes;
    private final Map<Integer, LocationId> places = new HashMap<>();
    private final DayLog[] ring = new DayLog[RETENTION_DAYS + 1];
    private final SecureRandom random = new SecureRandom();
    private long checkins;
    private long reports;
    private long matches;
    private int users;

    /** One day's check-ins: parallel lists, and the entries of each place. */
    private static final class DayLog {
        int day = -1;
        final IntList person = new IntList();
        final IntList place = new IntList();
        final IntList start = new IntList();
        final IntList end = new IntList();
        final Map<Integer, IntList> byPlace = new HashMap<>();
    }

    /**
     * @param share app users who check in (a fixed per-person draw, so a larger share keeps every user of a
     *              smaller one, as adoption does)
     */
    public CheckinLog(long seed, boolean[] app, double share, int minimumOverlapMinutes) {
        this.seed = seed;
        this.minimumOverlapMinutes = minimumOverlapMinutes;
        this.checksIn = new boolean[app.length];
        for (int p = 0; p < app.length; p++) {
            checksIn[p] = app[p] && Rand.uniform(Rand.hash(seed, CHECKIN, p)) < share;
            users += checksIn[p] ? 1 : 0;
        }
        for (int i = 0; i < ring.length; i++) {
            ring[i] = new DayLog();
        }
    }

    public void record(int day, PlaceKind kind, int venue, int[] persons, int[] fromTick, int[] toTick, int m) {
        DayLog log = ring[day % ring.length];
        if (log.day != day) {
            log.day = day;
            log.person.clear();
            log.place.clear();
            log.start.clear();
            log.end.clear();
            log.byPlace.clear();
        }
        int place = kind.ordinal() << 24 | venue;
        for (int k = 0; k < m; k++) {
            int p = persons[k];
            if (!checksIn[p] || toTick[k] <= fromTick[k]) {
                continue;
            }
            log.byPlace.computeIfAbsent(place, x -> new IntList()).add(log.person.size());
            log.person.add(p);
            log.place.add(place);
            log.start.add(day * 1440 + fromTick[k] * Ticks.MINUTES);
            log.end.add(day * 1440 + toTick[k] * Ticks.MINUTES);
            checkins++;
        }
    }

    /** A confirmed case's upload is published at {@code minute}: its check-ins of the last 14 days warn others. */
    public void publish(int caseId, int minute, Warner warner) {
        if (!checksIn[caseId]) {
            return;
        }
        int today = Math.floorDiv(minute, 1440);
        List<ProtectedReport> shared = new ArrayList<>();
        Set<Long> candidates = new LinkedHashSet<>();
        for (DayLog log : ring) {
            if (log.day < 0 || log.day > today || log.day < today - RETENTION_DAYS) {
                continue;
            }
            for (int i = 0; i < log.person.size(); i++) {
                if (log.person.get(i) != caseId || log.start.get(i) >= minute) {
                    continue;
                }
                int place = log.place.get(i);
                shared.add(ReportCipher.encrypt(location(place), CheckinRecord.covering(seconds(log.start.get(i)),
                        seconds(log.end.get(i)), CheckinBook.CASE_RISK_LEVEL, ""), random));
                IntList there = log.byPlace.get(place);
                for (int k = 0; k < there.size(); k++) {
                    int j = there.get(k);
                    if (log.person.get(j) != caseId) {
                        candidates.add((long) (log.day % ring.length) << 32 | j);
                    }
                }
            }
        }
        reports += shared.size();
        if (shared.isEmpty() || candidates.isEmpty()) {
            return;
        }
        List<LocalCheckin> locals = new ArrayList<>(candidates.size());
        for (long ref : candidates) {
            DayLog log = ring[(int) (ref >>> 32)];
            int j = (int) ref;
            locals.add(new LocalCheckin(ref, location(log.place.get(j)), seconds(log.start.get(j)), seconds(log.end.get(j))));
        }
        for (CheckinMatch m : new CheckinMatcher(locals).match(shared)) {
            if (m.overlapMinutes() >= minimumOverlapMinutes) {
                matches++;
                warner.warn(ring[(int) (m.checkin().ref() >>> 32)].person.get((int) m.checkin().ref()), caseId, minute);
            }
        }
    }

    private static long seconds(int minute) {
        return EPOCH_SECONDS + minute * 60L;
    }

    /** The place's location id, from a QR payload with a seed fixed per run and place. */
    private LocationId location(int place) {
        return places.computeIfAbsent(place, k -> {
            byte[] s = new byte[PlacePayload.SEED_LENGTH];
            long a = Rand.hash(seed, PLACE_SEED, k);
            long b = Rand.mix(a);
            for (int i = 0; i < 8; i++) {
                s[i] = (byte) (a >>> (8 * i));
                s[8 + i] = (byte) (b >>> (8 * i));
            }
            String name = PlaceKind.of(k >>> 24).label() + " " + (k & 0xFFFFFF);
            return PlacePayload.of(name, "", 0, 0, 60, s).locationId();
        });
    }

    public int users() {
        return users;
    }

    public long checkins() {
        return checkins;
    }

    public long reports() {
        return reports;
    }

    /** Check-ins that overlapped a case's long enough to warn (before the per-person de-duplication). */
    public long matches() {
        return matches;
    }
}
