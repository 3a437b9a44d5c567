package vn.bluezone.server.registry;

import java.time.Clock;
import org.springframework.stereotype.Component;
import vn.bluezone.server.CalendarClock;
import vn.bluezone.server.TimeZoneProperties;

/** The clock of registrations and statistics: registry days are {@code bluezone.time-zone} days. */
@Component
public class RegistryClock extends CalendarClock {
    public RegistryClock(Clock clock, TimeZoneProperties time) {
        super(clock, time);
    }
}
