package vn.bluezone.protocol.crypto;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.protocol.TemporaryExposureKey;

/**
 * Makes daily Temporary Exposure Keys: 16 bytes from a CSPRNG, valid for 144 intervals from the start of the
 * UTC day (a multiple of 144), as the EN cryptography specification v1.2 requires. Each day's key is
 * independent of every other, which is what keeps a published key from revealing other days.
 */
public final class TekGenerator {
    private final SecureRandom random;
    private final Clock clock;

    public TekGenerator() {
        this(new SecureRandom(), Clock.systemUTC());
    }

    public TekGenerator(SecureRandom random, Clock clock) {
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The key for the current UTC day. */
    public TemporaryExposureKey current() {
        return forInterval(EnIntervalNumber.dayStart(EnIntervalNumber.of(clock.instant())));
    }

    /** A new key valid from {@code rollingStartIntervalNumber}, which must be a multiple of 144. */
    public TemporaryExposureKey forInterval(long rollingStartIntervalNumber) {
        if (rollingStartIntervalNumber < 0 || rollingStartIntervalNumber > RollingProximityIdentifierKey.MAX_INTERVAL
                || rollingStartIntervalNumber + EnIntervalNumber.TEK_ROLLING_PERIOD - 1 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("rolling start interval out of range: " + rollingStartIntervalNumber);
        }
        if (rollingStartIntervalNumber % EnIntervalNumber.TEK_ROLLING_PERIOD != 0) {
            throw new IllegalArgumentException("a TEK's rolling start interval must be a multiple of "
                    + EnIntervalNumber.TEK_ROLLING_PERIOD + ", was " + rollingStartIntervalNumber);
        }
        byte[] key = new byte[TemporaryExposureKey.KEY_LENGTH];
        random.nextBytes(key);
        return new TemporaryExposureKey(key, (int) rollingStartIntervalNumber, EnIntervalNumber.TEK_ROLLING_PERIOD,
                0, ReportType.UNKNOWN, null);
    }
}
