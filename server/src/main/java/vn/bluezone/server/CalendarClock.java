package vn.bluezone.server;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * The server's one {@link Clock} bean read in {@code bluezone.time-zone}: instants are the bean's, calendar days
 * are Vietnam's by default whatever the host's zone. Features that reason in days (registry, campaign) get it
 * through their own subclass so their constructors say which feature's days they mean; none holds its own time.
 */
public abstract class CalendarClock {
    private final Clock clock;

    protected CalendarClock(Clock clock, TimeZoneProperties time) {
        this.clock = clock.withZone(time.timeZone());
    }

    /** The underlying clock, in the calendar's zone. */
    public Clock clock() {
        return clock;
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public LocalDateTime localNow() {
        return LocalDateTime.now(clock);
    }

    /** The zone of calendar days ({@code bluezone.time-zone}). */
    public ZoneId zone() {
        return clock.getZone();
    }
}
