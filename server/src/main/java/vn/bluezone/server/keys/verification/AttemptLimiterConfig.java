package vn.bluezone.server.keys.verification;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import vn.bluezone.server.db.Savepoints;
import vn.bluezone.server.keys.KeySecrets;
import vn.bluezone.server.keys.KeysProperties;

/** Chooses the attempt limiter from {@code bluezone.keys.rate-limit.shared}: in memory (default) or the database. */
@Configuration(proxyBeanMethods = false)
public class AttemptLimiterConfig {
    @Bean
    public AttemptLimiter attemptLimiter(KeysProperties props, Clock clock, JdbcTemplate jdbc, TransactionTemplate tx,
                                         Savepoints savepoints, KeySecrets secrets) {
        if (props.rateLimit().shared()) {
            return new SharedAttemptLimiter(props, clock, jdbc, tx, savepoints, secrets);
        }
        return new LocalAttemptLimiter(props, clock);
    }
}
