package vn.bluezone.server.campaign.household;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code bluezone.campaign.household.*} (environment {@code BLUEZONE_CAMPAIGN_HOUSEHOLD_RETENTION_DAYS}).
 *
 * @param retentionDays a commune's door-to-door campaign has ended when nothing happened in it (no household added,
 *                      no visit recorded) for this many days; its heads' names and addresses are then blanked by
 *                      {@link HouseholdRetentionJob} (1-3650, default 90)
 */
@Validated
@ConfigurationProperties("bluezone.campaign.household")
public record HouseholdProperties(@DefaultValue("90") @Min(1) @Max(3650) int retentionDays) {
}
