package vn.bluezone.server.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * Time for the campaign tools. Days are Vietnamese calendar days (Asia/Ho_Chi_Minh, UTC+7): a deadline "on the
 * 15th" ends at midnight in Huế, not in UTC. Tests replace the clock to run deletion jobs "30 days later".
 */
@Component
public class CampaignClock {
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private volatile Clock clock;

    public CampaignClock() {
        this(Clock.system(VIETNAM));
    }

    public CampaignClock(Clock clock) {
        this.clock = clock.withZone(VIETNAM);
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

    /** For tests that move time forward. */
    public void use(Clock newClock) {
        this.clock = newClock.withZone(VIETNAM);
    }
}
