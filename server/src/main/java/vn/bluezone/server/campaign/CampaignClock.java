package vn.bluezone.server.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.bluezone.server.TimeZoneProperties;

/**
 * Time for the campaign tools: the server's one {@link Clock} bean read in {@code bluezone.time-zone} (Vietnam's
 * calendar days by default): a deadline "on the 15th" ends at midnight in Huế, not in UTC. Tests replace the
 * {@code Clock} bean (or pass their own clock here) to run deletion jobs "30 days later".
 */
@Component
public class CampaignClock {
    private final Clock clock;

    @Autowired
    public CampaignClock(Clock clock, TimeZoneProperties time) {
        this.clock = clock.withZone(time.timeZone());
    }

    /** On the default zone (unit tests). */
    public CampaignClock(Clock clock) {
        this(clock, TimeZoneProperties.vietnam());
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

    /** The zone of campaign days. */
    public ZoneId zone() {
        return clock.getZone();
    }
}
