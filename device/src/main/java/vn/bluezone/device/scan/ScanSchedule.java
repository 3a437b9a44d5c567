package vn.bluezone.device.scan;

import java.time.Instant;
import java.util.Objects;

/**
 * When the next scan is due: on a fixed grid of the duty cycle's period, shifted by a per-phone phase so that
 * phones do not all listen at the same second. Missed slots (the phone slept) are skipped, not caught up.
 */
public final class ScanSchedule {
    private final DutyCycle dutyCycle;
    private Instant next;

    public ScanSchedule(DutyCycle dutyCycle, Instant firstScan) {
        this.dutyCycle = Objects.requireNonNull(dutyCycle);
        this.next = Objects.requireNonNull(firstScan);
    }

    public DutyCycle dutyCycle() {
        return dutyCycle;
    }

    public synchronized Instant next() {
        return next;
    }

    /** Whether a scan is due at {@code now}; if so, moves the schedule past now. */
    public synchronized boolean takeIfDue(Instant now) {
        if (now.isBefore(next)) {
            return false;
        }
        while (!next.isAfter(now)) {
            next = next.plus(dutyCycle.period());
        }
        return true;
    }
}
