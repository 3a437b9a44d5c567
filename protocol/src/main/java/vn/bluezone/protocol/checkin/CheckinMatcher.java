package vn.bluezone.protocol.checkin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which published reports concern the phone's own check-ins. Local location-id hashes go into a hash map
 * keyed by the first 8 bytes of the hash (SHA-256 output is uniform, and the full 32 bytes are compared on a
 * hit); each report costs one lookup, and only the few that match are MAC-checked and decrypted. A report
 * whose MAC fails is skipped (counted), never trusted.
 */
public final class CheckinMatcher {
    private final Map<Long, List<Place>> byHashPrefix = new HashMap<>();
    private int macFailures;

    /** One place the phone checked in at, with all its check-ins there. */
    private record Place(LocationId locationId, byte[] hash, List<LocalCheckin> checkins) {
    }

    public CheckinMatcher(List<LocalCheckin> checkins) {
        Map<LocationId, Place> places = new HashMap<>();
        for (LocalCheckin c : checkins) {
            places.computeIfAbsent(c.locationId(), id -> {
                Place p = new Place(id, id.hash(), new ArrayList<>(2));
                byHashPrefix.computeIfAbsent(prefix(p.hash()), k -> new ArrayList<>(1)).add(p);
                return p;
            }).checkins().add(c);
        }
    }

    /** Every (local check-in, report) pair of the same place whose times overlap by at least one minute. */
    public List<CheckinMatch> match(Iterable<ProtectedReport> reports) {
        List<CheckinMatch> out = new ArrayList<>();
        for (ProtectedReport r : reports) {
            List<Place> candidates = byHashPrefix.get(prefix(r.locationIdHash()));
            if (candidates == null) {
                continue;
            }
            for (Place p : candidates) {
                if (!Arrays.equals(p.hash(), r.locationIdHash())) {
                    continue;
                }
                CheckinRecord record;
                try {
                    record = ReportCipher.decrypt(p.locationId(), r);
                } catch (CheckinFormatException e) {
                    macFailures++;
                    continue;
                }
                for (LocalCheckin c : p.checkins()) {
                    long overlap = overlapMinutes(c, record);
                    if (overlap > 0) {
                        out.add(new CheckinMatch(c, record, overlap));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Whether the 32-byte location-id hash at {@code offset} of {@code buf} is one of the phone's places: a map
     * lookup by its first 8 bytes, then the full comparison. Lets a package be scanned without building the reports
     * about other places ({@link PackageScan}).
     */
    public boolean concerns(byte[] buf, int offset) {
        if (offset < 0 || offset + LocationId.LENGTH > buf.length) {
            return false;
        }
        List<Place> candidates = byHashPrefix.get(prefix(buf, offset));
        if (candidates != null) {
            for (Place p : candidates) {
                if (Arrays.equals(p.hash(), 0, LocationId.LENGTH, buf, offset, offset + LocationId.LENGTH)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Reports that named one of our places but whose MAC did not verify (tampered or forged), so far. */
    public int macFailures() {
        return macFailures;
    }

    static long overlapMinutes(LocalCheckin c, CheckinRecord r) {
        long from = Math.max(c.startSeconds(), r.startSeconds());
        long to = Math.min(c.endSeconds(), r.endSeconds());
        return to <= from ? 0 : (to - from) / 60;
    }

    private static long prefix(byte[] h) {
        return prefix(h, 0);
    }

    private static long prefix(byte[] h, int offset) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (h[offset + i] & 0xFF);
        }
        return v;
    }
}
