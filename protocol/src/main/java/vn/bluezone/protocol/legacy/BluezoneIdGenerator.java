package vn.bluezone.protocol.legacy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;

/**
 * What a 2020 Bluezone phone broadcast at a given time: the ID of the 15-minute slot, from its base key.
 * Caches one day's IDs so that consecutive calls on one day hash only once.
 */
public final class BluezoneIdGenerator {
    private final BluezoneDailyKey baseKey;
    private BluezoneDailyKey cachedKey;
    private List<BluezoneId> cachedIds;

    public BluezoneIdGenerator(BluezoneDailyKey baseKey) {
        this.baseKey = Objects.requireNonNull(baseKey, "baseKey");
        this.cachedKey = baseKey;
    }

    /** The ID broadcast at {@code t}; {@code t} must not be before the base key's day. */
    public synchronized BluezoneId idAt(Instant t) {
        LocalDate day = LocalDate.ofInstant(t, ZoneOffset.UTC);
        if (cachedIds == null || !day.equals(cachedKey.day())) {
            cachedKey = dailyKey(day);
            cachedIds = cachedKey.ids();
        }
        return cachedIds.get(BluezoneDailyKey.slotOf(t));
    }

    /** The daily key the phone would publish for {@code day} (it reveals that day and every later one). */
    public synchronized BluezoneDailyKey dailyKey(LocalDate day) {
        // Walk forward from the nearest known link: the cached day when it is not later, else the base.
        BluezoneDailyKey from = day.isBefore(cachedKey.day()) ? baseKey : cachedKey;
        return from.forwardTo(day);
    }
}
