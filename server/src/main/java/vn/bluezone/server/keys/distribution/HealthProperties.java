package vn.bluezone.server.keys.distribution;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Health settings phones receive ({@code bluezone.health.*}, environment {@code BLUEZONE_HEALTH_HOTLINE}).
 *
 * @param hotline the number the app's warnings screen offers to call, sent in the signed configuration's
 *                {@code health.hotline}; default the Ministry of Health's 1900 9095. Digits, spaces, '+', '.', '-'.
 */
@Validated
@ConfigurationProperties(prefix = "bluezone.health")
public record HealthProperties(
        @DefaultValue(HealthProperties.MINISTRY_HOTLINE) @Pattern(regexp = "\\+?[0-9][0-9 .-]{2,19}") String hotline) {
    /** The Ministry of Health's hotline. */
    public static final String MINISTRY_HOTLINE = "1900 9095";
}
