package vn.bluezone.server.registry;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the hourly prefix counts older than {@code bluezone.registry.prefixes.retention} (48 h by default), every
 * ten minutes: the concentration rule reads only the last 24 hours, and nothing about where phones registered from
 * is kept beyond what it needs. Safe on several instances at once (a deleted row is gone).
 */
@Component
public class RegistrationPrefixRetention {
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationPrefixRetention.class);

    private final RegistrationPrefixes prefixes;
    private final RegistrationPrefixProperties props;
    private final RegistryClock clock;

    public RegistrationPrefixRetention(RegistrationPrefixes prefixes, RegistrationPrefixProperties props,
                                       RegistryClock clock) {
        this.prefixes = prefixes;
        this.props = props;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 600_000, initialDelay = 60_000)
    public int run() {
        Instant cutoff = clock.clock().instant().minus(props.retention());
        int deleted = prefixes.deleteBefore(cutoff);
        if (deleted > 0) {
            LOG.info("registration prefix retention: deleted {} hourly row(s) older than {}", deleted,
                    props.retention());
        }
        return deleted;
    }
}
