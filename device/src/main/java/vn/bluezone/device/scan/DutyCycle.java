package vn.bluezone.device.scan;

import java.time.Duration;

/**
 * How often the phone listens: a scan of {@code window} every {@code period}. The default (4 s every 5 min)
 * follows the Exposure Notification framework's opportunistic scanning; the 2020 Bluezone app listened 40 s
 * every 300 s, which hears more packets at a higher battery cost.
 */
public record DutyCycle(Duration window, Duration period) {
    public DutyCycle {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("scan window must be positive");
        }
        if (period.compareTo(window) < 0) {
            throw new IllegalArgumentException("scan period must be at least the scan window");
        }
        if (period.compareTo(Duration.ofMinutes(30)) > 0) {
            // An exposure window lasts at most 30 minutes; a longer gap would lose whole encounters.
            throw new IllegalArgumentException("scan period must be at most 30 minutes");
        }
    }

    public static DutyCycle defaults() {
        return new DutyCycle(Duration.ofSeconds(4), Duration.ofMinutes(5));
    }

    /** The duty cycle of the 2020 Bluezone app: 40 seconds every 300 seconds. */
    public static DutyCycle bluezone2020() {
        return new DutyCycle(Duration.ofSeconds(40), Duration.ofSeconds(300));
    }
}
