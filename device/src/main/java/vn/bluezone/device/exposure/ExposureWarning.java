package vn.bluezone.device.exposure;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A warning the phone gives its user: the level, the UTC day of contact, how long and how close (in buckets),
 * and the rule that fired (distance and minutes of the close-contact definition).
 *
 * @param minutes cumulative minutes within the close-contact distance on that day
 */
public record ExposureWarning(WarningLevel level, LocalDate contactDay, long minutes, DurationBucket duration,
                              ClosenessBucket closeness, double ruleMeters, long ruleMinutes, Instant issuedAt) {
}
