package vn.bluezone.protocol.legacy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * An observed ID that a published daily key produced.
 *
 * @param day the UTC day whose chained key produced the ID
 * @param slot the 15-minute slot of that day, 0..95
 * @param id the matching ID
 */
public record BluezoneIdMatch(LocalDate day, int slot, BluezoneId id) {
    public Instant slotStart() {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant()
                .plus((long) slot * BluezoneDailyKey.SLOT_MINUTES, ChronoUnit.MINUTES);
    }
}
