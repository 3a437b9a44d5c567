package vn.bluezone.server.statistics;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code bluezone.statistics.anomaly.*}: when a unit's installs are marked for review (issue 15 §3: one client added
 * 16,844-25,327 installs a minute to a commune of its choice). Rules ({@link AnomalyRules}):
 * <ul>
 * <li><b>jump</b>: the day's installs exceed max({@code jumpFactor} × B, {@code jumpFloor}), where the robust baseline
 * B = median + {@code madFactor} × 1.4826 × MAD of the previous {@code baselineDays} days' installs (at least 1). The
 * median and the median absolute deviation ignore a few odd days that a mean would follow; 1.4826 × MAD estimates
 * the standard deviation of normally spread days. The floor keeps small villages (2 installs after 0) quiet.</li>
 * <li><b>over population / phones</b>: installs to date exceed {@code populationShare} × population or
 * {@code phoneShare} × smartphone users (subscribers when unknown): more installs than people is impossible without
 * fake ones or a wrong denominator, both worth a look.</li>
 * <li><b>one network</b>: of the unit's registrations in the last 24 hours (at least {@code prefixMinRegistrations}),
 * a share of {@code prefixShare} or more came from one /24 IPv4 or /56 IPv6 network prefix. Carrier-grade NAT puts
 * many real phones of a carrier behind few addresses, so the default minimum is far above a village's day and the
 * flag asks for a review, it does not discount installs.</li>
 * </ul>
 */
@Validated
@ConfigurationProperties("bluezone.statistics.anomaly")
public record AnomalyProperties(@DefaultValue("true") boolean enabled,
                                @Min(3) @Max(60) @DefaultValue("14") int baselineDays,
                                @DecimalMin("1") @DecimalMax("1000") @DefaultValue("5") double jumpFactor,
                                @DecimalMin("0") @DecimalMax("100") @DefaultValue("3") double madFactor,
                                @Min(1) @DefaultValue("50") long jumpFloor,
                                @DecimalMin("0.1") @DecimalMax("10") @DefaultValue("1.0") double populationShare,
                                @DecimalMin("0.1") @DecimalMax("10") @DefaultValue("1.0") double phoneShare,
                                @DecimalMin("0.05") @DecimalMax("1") @DefaultValue("0.5") double prefixShare,
                                @Min(1) @DefaultValue("30") long prefixMinRegistrations) {

    /** Defaults, for tests outside Spring. */
    public static AnomalyProperties defaults() {
        return new AnomalyProperties(true, 14, 5, 3, 50, 1.0, 1.0, 0.5, 30);
    }
}
