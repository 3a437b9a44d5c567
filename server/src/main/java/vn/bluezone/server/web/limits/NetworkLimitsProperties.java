package vn.bluezone.server.web.limits;

import jakarta.validation.Valid;
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
 * @param verification {@code /verify} and {@code /certificate} (the address itself is limited by
 *                     {@code bluezone.keys.rate-limit.*})
 * @param registration {@code POST /api/v1/devices}
 * @param heartbeat    {@code POST /api/v1/devices/{id}/heartbeat}
 * @param attribution  registrations naming a referral code or a place: over the limit the phone is still
 *                     registered, but the referral or place is not credited
 */
@Validated
@ConfigurationProperties("bluezone.network-limits")
public record NetworkLimitsProperties(@DefaultValue("true") boolean enabled,
                                      @NotNull @DefaultValue("1h") Duration window,
                                      @Valid @NotNull @DefaultValue({"0", "120"}) Limit verification,
                                      @Valid @NotNull @DefaultValue({"300", "3000"}) Limit registration,
                                      @Valid @NotNull @DefaultValue({"1200", "12000"}) Limit heartbeat,
                                      @Valid @NotNull @DefaultValue({"20", "200"}) Limit attribution) {
    public NetworkLimitsProperties {
        if (window != null && (window.toSeconds() < 1 || window.toHours() > 24)) {
            throw new IllegalArgumentException("bluezone.network-limits.window must be between 1s and 24h, was " + window);
        }
    }

    /** Requests per window from one address and from one prefix. */
    public record Limit(@Min(0) int perAddress, @Min(0) int perPrefix) {
    }
}
