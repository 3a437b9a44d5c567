package vn.bluezone.device.scan;

import java.time.Instant;
import java.util.Objects;

/**
 * When the next scan is due: on a fixed grid of the duty cycle's period, shifted by a per-phone phase so that
 * phones do not all listen at the same second. Missed slots (the phone slept) are skipped, not caught up.
 * {@link #change} takes a new duty cycle (the key server's): the scan already planned keeps its time, and it and
 * the following ones use the new window and period.
 */
public final class ScanSchedule {
    private DutyCycle dutyCycle;
    private Instant next;

    public ScanSchedule(DutyCycle dutyCycle, Instant firstScan) {
        this.dutyCycle = Objects.requireNonNull(dutyCycle);
        this.next = Objects.requireNonNull(firstScan);
    }

    public synchronized DutyCycle dutyCycle() {
        return dutyCycle;
    }

    /** Uses {@code next} from the next scan on. */
    public synchronized void change(DutyCycle next) {
        this.dutyCycle = Objects.requireNonNull(next);
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
