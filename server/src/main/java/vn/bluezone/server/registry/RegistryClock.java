package vn.bluezone.server.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * The clock of registrations and statistics. Days are Vietnam's calendar days (Asia/Ho_Chi_Minh), whatever the
 * server's zone. Tests replace the clock to move through days.
 */
@Component
public class RegistryClock {
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private volatile Clock clock = Clock.system(VIETNAM);

    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return VIETNAM;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return RegistryClock.this.clock.withZone(zone);
            }

            @Override
            public java.time.Instant instant() {
                return RegistryClock.this.clock.instant();
            }
        };
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(VIETNAM));
    }

    /** For tests and the demo loader: run the registry on another clock. */
    public void set(Clock clock) {
        this.clock = clock;
    }
}
