package vn.bluezone.server;

import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code bluezone.time-zone} (BLUEZONE_TIME_ZONE): the one zone of every calendar day the server reasons in (codes'
 * "today", registry days, campaign deadlines, nightly jobs, dates on pages). Vietnam's days by default, whatever
 * the host's zone; an unknown zone id stops start-up naming the property.
 */
@Validated
@ConfigurationProperties(prefix = "bluezone")
public record TimeZoneProperties(@NotNull @DefaultValue(TimeZoneProperties.VIETNAM_ID) ZoneId timeZone) {
    public static final String VIETNAM_ID = "Asia/Ho_Chi_Minh";

    /** The default zone, for tests and tools outside Spring. */
    public static TimeZoneProperties vietnam() {
        return new TimeZoneProperties(ZoneId.of(VIETNAM_ID));
    }
}
