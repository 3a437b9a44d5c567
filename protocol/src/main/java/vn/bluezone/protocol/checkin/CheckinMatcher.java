package vn.bluezone.protocol.checkin;

import java.util.ArrayList;
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
    private final Map<Long, List<Local>> byHashPrefix = new HashMap<>();
    private int macFailures;

    private record Local(LocalCheckin checkin, byte[] hash) {
    }

    public CheckinMatcher(List<LocalCheckin> checkins) {
        for (LocalCheckin c : checkins) {
            byte[] h = c.locationId().hash();
            byHashPrefix.computeIfAbsent(prefix(h), k -> new ArrayList<>(1)).add(new Local(c, h));
        }
    }

    /** Every (local check-in, report) pair of the same place whose times overlap by at least one minute. */
    public List<CheckinMatch> match(Iterable<ProtectedReport> reports) {
        List<CheckinMatch> out = new ArrayList<>();
        for (ProtectedReport r : reports) {
            List<Local> locals = byHashPrefix.get(prefix(r.locationIdHash()));
            if (locals == null) {
                continue;
            }
            for (Local l : locals) {
                if (!java.util.Arrays.equals(l.hash(), r.locationIdHash())) {
                    continue;
                }
                CheckinRecord record;
                try {
                    record = ReportCipher.decrypt(l.checkin().locationId(), r);
                } catch (CheckinFormatException e) {
                    macFailures++;
                    continue;
                }
                long overlap = overlapMinutes(l.checkin(), record);
                if (overlap > 0) {
                    out.add(new CheckinMatch(l.checkin(), record, overlap));
                }
            }
        }
        return out;
    }

    public int macFailures() {
        return macFailures;
    }

    static long overlapMinutes(LocalCheckin c, CheckinRecord r) {
        long from = Math.max(c.startSeconds(), r.startSeconds());
        long to = Math.min(c.endSeconds(), r.endSeconds());
        return to <= from ? 0 : (to - from) / 60;
    }

    private static long prefix(byte[] h) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (h[i] & 0xFF);
        }
        return v;
    }
}
