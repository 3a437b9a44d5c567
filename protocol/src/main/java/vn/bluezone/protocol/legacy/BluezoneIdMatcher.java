package vn.bluezone.protocol.legacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds which observed 2020 Bluezone IDs a published daily key produced, over the key's day and the following
 * days (the hash chain only runs forward). The range is bounded: each day costs 97 hashes, and a phone keeps
 * contacts for 14 days anyway, so a longer request is a mistake and is refused with a clear message.
 */
public final class BluezoneIdMatcher {
    /** Largest number of days (the published key's day included) one call may cover. */
    public static final int MAX_DAYS = 30;

    private final Set<BluezoneId> observed;

    public BluezoneIdMatcher(Collection<BluezoneId> observedIds) {
        this.observed = new HashSet<>(observedIds);
    }

    /**
     * Matches for {@code days} consecutive days starting at the published key's day, in day and slot order.
     *
     * @throws IllegalArgumentException when {@code days} is outside 1..{@link #MAX_DAYS}
     */
    public List<BluezoneIdMatch> match(BluezoneDailyKey published, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("a published Bluezone daily key can be matched over 1.." + MAX_DAYS
                    + " days, " + days + " requested");
        }
        List<BluezoneIdMatch> out = new ArrayList<>();
        if (observed.isEmpty()) {
            return out;
        }
        BluezoneDailyKey k = published;
        for (int d = 0; d < days; d++) {
            List<BluezoneId> ids = k.ids();
            for (int slot = 0; slot < ids.size(); slot++) {
                if (observed.contains(ids.get(slot))) {
                    out.add(new BluezoneIdMatch(k.day(), slot, ids.get(slot)));
                }
            }
            k = k.next();
        }
        return out;
    }
}
