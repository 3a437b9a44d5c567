package vn.bluezone.server.checkins;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Check-in settings ({@code bluezone.checkins.*}, environment {@code BLUEZONE_CHECKINS_...}).
 *
 * @param enabled              scheduled package and retention jobs
 * @param maxPerUpload         check-ins one case upload may carry (1..100)
 * @param minReportsPerPackage packages are padded with random reports up to this many (0..100000)
 * @param retentionDays        reports, packages and warnings are deleted after this many days (1..30)
 * @param placeSecret          base64 (≥ 32 bytes) secret from which registered places' QR seeds are derived; empty =
 *                             generated once into {@code <data-dir>/checkin-place-secret}, never into the database
 * @param defaultStayMinutes   default stay printed in a registered place's QR (automatic check-out), 5..1440
 * @param minimumOverlapMinutes phones warn when a check-in overlaps a case's (or a warning's window) at least this
 *                              long; sent in the signed configuration {@code checkins.minimumOverlapMinutes}, 1..240
 * @param schedule             package job (Spring cron)
 * @param retentionSchedule    retention job (Spring cron)
 */
@Validated
@ConfigurationProperties(prefix = "bluezone.checkins")
public record CheckinsProperties(
        @DefaultValue("true") boolean enabled,
        @Min(1) @Max(100) @DefaultValue("100") int maxPerUpload,
        @Min(0) @Max(100000) @DefaultValue("500") int minReportsPerPackage,
        @Min(1) @Max(30) @DefaultValue("14") int retentionDays,
        @DefaultValue("") String placeSecret,
        @Min(5) @Max(1440) @DefaultValue("60") int defaultStayMinutes,
        @Min(1) @Max(240) @DefaultValue("15") int minimumOverlapMinutes,
        @NotBlank @DefaultValue("0 7 * * * *") String schedule,
        @NotBlank @DefaultValue("0 40 3 * * *") String retentionSchedule) {

    public CheckinsProperties {
        for (String[] cron : new String[][] {{"schedule", schedule}, {"retention-schedule", retentionSchedule}}) {
            if (cron[1] != null && !org.springframework.scheduling.support.CronExpression.isValidExpression(cron[1])) {
                throw new IllegalArgumentException("bluezone.checkins." + cron[0] + " is not a cron expression: " + cron[1]);
            }
        }
        if (placeSecret != null && !placeSecret.isBlank()) {
            byte[] s;
            try {
                s = java.util.Base64.getDecoder().decode(placeSecret.trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bluezone.checkins.place-secret must be base64");
            }
            if (s.length < 32) {
                throw new IllegalArgumentException("bluezone.checkins.place-secret must hold at least 32 bytes (was "
                        + s.length + ")");
            }
        }
    }
}
