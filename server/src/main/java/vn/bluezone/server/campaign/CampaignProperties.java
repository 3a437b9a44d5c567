package vn.bluezone.server.campaign;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Campaign settings ({@code bluezone.campaign.*}, e.g. {@code BLUEZONE_CAMPAIGN_COHORT_RETENTION_DAYS=30}).
 *
 * @param cohortRetentionDays   personal records of a cohort are deleted this many days after the person's end date
 * @param retentionCron         when the deletion job runs (default 02:30 every night, Vietnam time)
 * @param referralTarget        guided installs each official and party member should reach
 * @param androidStoreUrl       store link on the install page; the default is a store search, set it to the
 *                              published app's page
 * @param iosStoreUrl           likewise for the App Store
 */
@Validated
@ConfigurationProperties("bluezone.campaign")
public record CampaignProperties(
        @DefaultValue("30") @Min(1) @Max(3650) int cohortRetentionDays,
        @DefaultValue(CampaignProperties.RETENTION_CRON) @NotBlank String retentionCron,
        @DefaultValue("3") @Min(1) @Max(1000) int referralTarget,
        @DefaultValue("https://play.google.com/store/search?q=Bluezone&c=apps") String androidStoreUrl,
        @DefaultValue("https://apps.apple.com/vn/search?term=Bluezone") String iosStoreUrl) {

    /** Default of {@code retention-cron}: 02:30 every night. */
    public static final String RETENTION_CRON = "0 30 2 * * *";

    public CampaignProperties {
        if (retentionCron != null && !org.springframework.scheduling.support.CronExpression.isValidExpression(
                retentionCron)) {
            throw new IllegalArgumentException("bluezone.campaign.retention-cron is not a cron expression: "
                    + retentionCron);
        }
    }

    /** Defaults, for tests and tools outside Spring. */
    public static CampaignProperties defaults() {
        return new CampaignProperties(30, RETENTION_CRON, 3,
                "https://play.google.com/store/search?q=Bluezone&c=apps",
                "https://apps.apple.com/vn/search?term=Bluezone");
    }
}
