package vn.bluezone.server.campaign;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.bluezone.server.CalendarClock;
import vn.bluezone.server.TimeZoneProperties;

/**
 * Time for the campaign tools: a deadline "on the 15th" ends at midnight in Huế, not in UTC. Tests replace the
 * server's {@code Clock} bean (or pass their own clock here) to run deletion jobs "30 days later".
 */
@Component
public class CampaignClock extends CalendarClock {
    @Autowired
    public CampaignClock(Clock clock, TimeZoneProperties time) {
        super(clock, time);
    }

    /** On the default zone (unit tests). */
    public CampaignClock(Clock clock) {
        super(clock, TimeZoneProperties.vietnam());
    }
}
