package vn.bluezone.server.web.limits;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code bluezone.network-limits.*}: requests per client address and per network prefix ({@link NetworkPrefix}: /24
 * IPv4, /56 IPv6) in fixed windows of {@code window}, for the public calls that guessing or figure-inflating
 * clients repeat (issue 15 §2, §3). 0 means no limit at that level. Mobile carriers put many phones behind one
 * address (carrier-grade NAT), so the defaults are far above what one household sends and far below what a script
 * sends; raise them where a carrier's pool is larger. Counted in memory, or in the database for all instances with
 * {@code bluezone.keys.rate-limit.shared=true}.
 *
 * @param verificationPerPrefix {@code /verify}, {@code /certificate} and {@code /verify/challenge} (the address
 *                              itself is limited by {@code bluezone.keys.rate-limit.*})
 * @param registrationPerAddress {@code POST /api/v1/devices}; also {@code registration-per-prefix}
 * @param heartbeatPerAddress    {@code POST /api/v1/devices/{id}/heartbeat}; also {@code heartbeat-per-prefix}
 * @param attributionPerAddress  registrations naming a referral code or a place (also {@code attribution-per-prefix}):
 *                               over the limit the phone is still registered, but the referral or place is not credited
 */
@Validated
@ConfigurationProperties("bluezone.network-limits")
public record NetworkLimitsProperties(@DefaultValue("true") boolean enabled,
                                      @NotNull @DefaultValue("1h") Duration window,
                                      @Min(0) @DefaultValue("120") int verificationPerPrefix,
                                      @Min(0) @DefaultValue("300") int registrationPerAddress,
                                      @Min(0) @DefaultValue("3000") int registrationPerPrefix,
                                      @Min(0) @DefaultValue("1200") int heartbeatPerAddress,
                                      @Min(0) @DefaultValue("12000") int heartbeatPerPrefix,
                                      @Min(0) @DefaultValue("20") int attributionPerAddress,
                                      @Min(0) @DefaultValue("200") int attributionPerPrefix) {
    public NetworkLimitsProperties {
        if (window != null && (window.toSeconds() < 1 || window.toHours() > 24)) {
            throw new IllegalArgumentException("bluezone.network-limits.window must be between 1s and 24h, was " + window);
        }
    }

    /** Requests per window from one address and from one prefix. */
    public record Limit(int perAddress, int perPrefix) {
    }

    /** The limits of one call. */
    public Limit limit(NetworkLimiter.Action action) {
        return switch (action) {
            case VERIFICATION -> new Limit(0, verificationPerPrefix);
            case REGISTRATION -> new Limit(registrationPerAddress, registrationPerPrefix);
            case HEARTBEAT -> new Limit(heartbeatPerAddress, heartbeatPerPrefix);
            case ATTRIBUTION -> new Limit(attributionPerAddress, attributionPerPrefix);
        };
    }
}
