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

    /** Bounds for a duty cycle the key server sends: outside them the phone keeps the one it has. */
    public static final Duration SERVER_MIN_WINDOW = Duration.ofSeconds(1);
    public static final Duration SERVER_MAX_WINDOW = Duration.ofSeconds(60);
    public static final Duration SERVER_MIN_PERIOD = Duration.ofSeconds(60);
    public static final Duration SERVER_MAX_PERIOD = Duration.ofMinutes(30);

    /**
     * The duty cycle the key server's configuration asks for ({@code scanWindowSeconds},
     * {@code scanIntervalSeconds}), if it is sane: a window of 1..60 s (a longer one drains the battery for few
     * more packets), a period of 60..1800 s (shorter is a battery drain; longer loses encounters, as an exposure
     * window lasts 30 minutes), and the window shorter than the period.
     *
     * @throws IllegalArgumentException saying which bound is broken
     */
    public static DutyCycle fromServer(long windowSeconds, long periodSeconds) {
        if (windowSeconds < SERVER_MIN_WINDOW.toSeconds() || windowSeconds > SERVER_MAX_WINDOW.toSeconds()) {
            throw new IllegalArgumentException("scan window " + windowSeconds + " s is outside "
                    + SERVER_MIN_WINDOW.toSeconds() + ".." + SERVER_MAX_WINDOW.toSeconds() + " s");
        }
        if (periodSeconds < SERVER_MIN_PERIOD.toSeconds() || periodSeconds > SERVER_MAX_PERIOD.toSeconds()) {
            throw new IllegalArgumentException("scan interval " + periodSeconds + " s is outside "
                    + SERVER_MIN_PERIOD.toSeconds() + ".." + SERVER_MAX_PERIOD.toSeconds() + " s");
        }
        if (windowSeconds >= periodSeconds) {
            throw new IllegalArgumentException("scan window " + windowSeconds + " s is not shorter than the interval "
                    + periodSeconds + " s");
        }
        return new DutyCycle(Duration.ofSeconds(windowSeconds), Duration.ofSeconds(periodSeconds));
    }

    public static DutyCycle defaults() {
        return new DutyCycle(Duration.ofSeconds(4), Duration.ofMinutes(5));
    }

    /** The duty cycle of the 2020 Bluezone app: 40 seconds every 300 seconds. */
    public static DutyCycle bluezone2020() {
        return new DutyCycle(Duration.ofSeconds(40), Duration.ofSeconds(300));
    }

    /** E.g. "4 s every 300 s". */
    public String describe() {
        return seconds(window) + " every " + seconds(period);
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
