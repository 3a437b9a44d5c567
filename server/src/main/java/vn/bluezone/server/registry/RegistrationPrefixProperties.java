package vn.bluezone.server.registry;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code bluezone.registry.prefixes.*}: the hourly counts of registrations per unit and keyed hash of the client's
 * network prefix, which the anomaly flag "most installs from one network" reads (issue 15 §3).
 *
 * @param retention how long the hourly rows are kept (24h..7d; default 48h, the rule reads the last 24 hours)
 */
@Validated
@ConfigurationProperties("bluezone.registry.prefixes")
public record RegistrationPrefixProperties(@NotNull @DefaultValue("48h") Duration retention) {
    public RegistrationPrefixProperties {
        if (retention != null && (retention.toHours() < 24 || retention.toDays() > 7)) {
            throw new IllegalArgumentException("bluezone.registry.prefixes.retention must be between 24h and 7d, was "
                    + retention);
        }
    }
}
