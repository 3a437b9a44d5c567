package vn.bluezone.server.campaign.household;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.audit.AuditLog;

/**
 * Writes every read of household heads' names and addresses by an official to the audit log (issue 15 §4): who
 * (the actor), when (the entry's time), which records (their ids, as ranges) and where (the commune or village, or
 * the household) — never the names or addresses themselves. Action {@code household.read}; a long list of ids is
 * split over several entries so none is cut off.
 */
@Component
public class HouseholdReads {
    public static final String ACTION = "household.read";
    /** Room for the ids in one entry (details hold 2,000 characters). */
    static final int DETAILS = 1_900;

    private final AuditLog audit;

    public HouseholdReads(AuditLog audit) {
        this.audit = audit;
    }

    /** {@code official} was shown the names and addresses of {@code households}, on {@code where}. */
    public void read(Official official, String where, Collection<Household> households) {
        if (households.isEmpty()) {
            return;
        }
        List<Long> ids = households.stream().map(Household::id).sorted().distinct().toList();
        for (String part : ranges(ids)) {
            audit.record(official.username(), ACTION, where, "households " + part);
        }
    }

    /** The ids as "3-7,9,12-15", in parts of at most {@link #DETAILS} characters. */
    static List<String> ranges(List<Long> sorted) {
        List<String> parts = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sorted.size(); ) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            String range = i == j ? String.valueOf(sorted.get(i)) : sorted.get(i) + "-" + sorted.get(j);
            if (sb.length() + range.length() + 1 > DETAILS) {
                parts.add(sb.toString());
                sb.setLength(0);
            }
            sb.append(sb.isEmpty() ? "" : ",").append(range);
            i = j + 1;
        }
        parts.add(sb.toString());
        return parts;
    }
}
