package vn.bluezone.server.web.limits;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.bluezone.server.db.Savepoints;

/** In memory, or in the database with {@code bluezone.keys.rate-limit.shared=true} (one switch for every limiter). */
@Configuration(proxyBeanMethods = false)
public class WindowCountersConfig {
    @Bean
    public WindowCounters windowCounters(RateLimitSwitches props, Clock clock, JdbcTemplate jdbc, TransactionTemplate tx,
                                         Savepoints savepoints) {
        if (props.rateLimitsShared()) {
            return new DatabaseWindowCounters(jdbc, tx, savepoints, clock);
        }
        return new LocalWindowCounters(clock);
    }
}
