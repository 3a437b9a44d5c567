package vn.bluezone.server.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.bluezone.server.TimeZoneProperties;

/**
 * The clock of registrations and statistics: the server's one {@link Clock} bean read in {@code bluezone.time-zone}
 * (Vietnam's calendar days by default), whatever the host's zone. Tests replace the {@code Clock} bean.
 */
@Component
public class RegistryClock {
    private final Clock clock;

    @Autowired
    public RegistryClock(Clock clock, TimeZoneProperties time) {
        this.clock = clock.withZone(time.timeZone());
    }

    /** On the default zone (unit tests). */
    public RegistryClock(Clock clock) {
        this(clock, TimeZoneProperties.vietnam());
    }

    public Clock clock() {
        return clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The zone of registry days. */
    public ZoneId zone() {
        return clock.getZone();
    }
}
