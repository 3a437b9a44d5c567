package vn.bluezone.device.store;

import java.time.Duration;
import java.time.Instant;

/** One scan of the duty cycle, heard something or not: needed to know how long each sighting stands for. */
public record ScanRecord(long id, Instant startedAt, Duration duration) {
}
