package vn.bluezone.server.keys;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;
import vn.bluezone.api.ApiLimits;
import vn.bluezone.server.web.limits.RateLimitSwitches;

/**
 * Key server settings ({@code bluezone.keys.*}; environment e.g. {@code BLUEZONE_KEYS_VERIFICATION_SHORT_CODE_VALIDITY}).
 * Bounds are checked at start-up: a value out of range stops the server with one line naming it.
 */
@Validated
@ConfigurationProperties(prefix = "bluezone.keys")
public record KeysProperties(@Valid @NotNull @DefaultValue Verification verification,
                             @Valid @NotNull @DefaultValue RateLimit rateLimit,
                             @Valid @NotNull @DefaultValue Submission submission,
                             @Valid @NotNull @DefaultValue Export export,
                             @Valid @NotNull @DefaultValue DeviceConfig deviceConfig,
                             @Valid @NotNull @DefaultValue Signing signing) implements RateLimitSwitches {

    /** {@code rate-limit.enabled}: the one switch of every limiter, the network limits' included. */
    @Override
    public boolean rateLimitsEnabled() {
        return rateLimit.enabled();
    }

    /** {@code rate-limit.shared}: every limiter counts in the database. */
    @Override
    public boolean rateLimitsShared() {
        return rateLimit.shared();
    }

    /**
     * @param shortCodeValidity   8-digit codes read out to the case (1 min to 1 h)
     * @param longCodeValidity    16-character codes sent by SMS (1 h to 7 days)
     * @param tokenValidity       verification token handed to the phone (10 min to 7 days)
     * @param certificateValidity signed certificate authorising one upload (1 to 60 min)
     * @param maxDateAgeDays      symptom onset or test date at most this many days back (1..28)
     * @param codeSecret          base64 HMAC key for codes and tokens; empty = generated once and kept in the database
     */
    public record Verification(
            @NotNull @DefaultValue("15m") Duration shortCodeValidity,
            @NotNull @DefaultValue("24h") Duration longCodeValidity,
            @NotNull @DefaultValue("24h") Duration tokenValidity,
            @NotNull @DefaultValue("15m") Duration certificateValidity,
            @Min(1) @Max(28) @DefaultValue("28") int maxDateAgeDays,
            @DefaultValue("") String codeSecret) {
        public Verification {
            requireBetween("bluezone.keys.verification.short-code-validity", shortCodeValidity, Duration.ofMinutes(1), Duration.ofHours(1));
            requireBetween("bluezone.keys.verification.long-code-validity", longCodeValidity, Duration.ofHours(1), Duration.ofDays(7));
            requireBetween("bluezone.keys.verification.token-validity", tokenValidity, Duration.ofMinutes(10), Duration.ofDays(7));
            requireBetween("bluezone.keys.verification.certificate-validity", certificateValidity, Duration.ofMinutes(1), Duration.ofHours(1));
        }
    }

    /**
     * Brute-force limits on {@code /verify} and {@code /certificate}: per client address and for the whole server.
     * A client may make {@code clientBurst} attempts at once, then {@code clientPerHour} per hour.
     *
     * @param shared false: token buckets in memory, per server instance (N instances allow N times the attempts);
     *               true: fixed-window counters in the database, one budget for all instances
     */
    public record RateLimit(
            @DefaultValue("true") boolean enabled,
            @Min(1) @Max(100_000) @DefaultValue("10") int clientBurst,
            @Min(1) @Max(1_000_000) @DefaultValue("60") int clientPerHour,
            @Min(1) @Max(10_000_000) @DefaultValue("2000") int globalBurst,
            @Min(1) @Max(1_000_000) @DefaultValue("200") int globalPerSecond,
            @DefaultValue("false") boolean shared) {
    }

    /**
     * @param maxKeys               keys per upload (1..30 per the issue)
     * @param maxKeyAgeDays         oldest key accepted, in days (1..14)
     * @param maxKeysPerStartInterval keys sharing one rolling start interval (1..3)
     * @param minPaddingBytes       random padding added to each response, lower bound
     * @param maxPaddingBytes       upper bound (exclusive)
     */
    public record Submission(
            @Min(1) @Max(ApiLimits.MAX_KEYS_PER_UPLOAD) @DefaultValue("30") int maxKeys,
            @Min(1) @Max(ApiLimits.MAX_KEY_AGE_DAYS) @DefaultValue("14") int maxKeyAgeDays,
            @Min(1) @Max(ApiLimits.MAX_KEYS_PER_START_INTERVAL) @DefaultValue("3") int maxKeysPerStartInterval,
            @Min(0) @Max(16_384) @DefaultValue("256") int minPaddingBytes,
            @Min(1) @Max(65_536) @DefaultValue("2048") int maxPaddingBytes,
            @Min(1) @Max(1_000) @DefaultValue("64") int commitBatch) {
        public Submission {
            if (maxPaddingBytes <= minPaddingBytes) {
                throw new IllegalArgumentException("bluezone.keys.submission.max-padding-bytes must exceed min-padding-bytes");
            }
        }
    }

    /**
     * @param enabled         run the export job on {@code schedule}
     * @param schedule        Spring cron expression (second minute hour day month weekday)
     * @param embargo         time after a key's rolling period ends before it may be published (at least 2 h)
     * @param minKeysPerFile  pad smaller batches with random keys up to this many
     * @param maxKeysPerFile  split larger batches
     * @param retentionDays   keys and files older than this are deleted
     * @param store           {@code directory} or {@code s3}
     * @param directory       directory store root; empty = {@code <data-dir>/exports}
     * @param compressionLevel deflate level of the files (0..9; 9 gives the smallest download, issue 15 §6)
     */
    public record Export(
            @DefaultValue("true") boolean enabled,
            @NotBlank @DefaultValue("0 5 * * * *") String schedule,
            @NotNull @DefaultValue("2h") Duration embargo,
            @Min(0) @Max(100_000) @DefaultValue("1000") int minKeysPerFile,
            @Min(1_000) @Max(1_000_000) @DefaultValue("500000") int maxKeysPerFile,
            @Min(1) @Max(30) @DefaultValue("14") int retentionDays,
            @NotBlank @DefaultValue("0 35 3 * * *") String retentionSchedule,
            @Pattern(regexp = "directory|s3") @DefaultValue("directory") String store,
            @DefaultValue("") String directory,
            @Valid @NotNull @DefaultValue S3 s3,
            @Min(0) @Max(86_400) @DefaultValue("300") int indexMaxAgeSeconds,
            @Min(0) @Max(31_536_000) @DefaultValue("86400") int fileMaxAgeSeconds,
            @Min(0) @Max(9) @DefaultValue("9") int compressionLevel) {
        public Export {
            requireBetween("bluezone.keys.export.embargo", embargo, Duration.ofHours(2), Duration.ofDays(2));
            if (schedule != null && !org.springframework.scheduling.support.CronExpression.isValidExpression(schedule)) {
                throw new IllegalArgumentException("bluezone.keys.export.schedule is not a cron expression: " + schedule);
            }
            if (retentionSchedule != null
                    && !org.springframework.scheduling.support.CronExpression.isValidExpression(retentionSchedule)) {
                throw new IllegalArgumentException("bluezone.keys.export.retention-schedule is not a cron expression: "
                        + retentionSchedule);
            }
        }
    }

    /**
     * S3-compatible object storage; {@code endpoint} empty = AWS itself.
     *
     * @param requestChecksums {@code when-required} (default): uploads carry no flexible checksum, as S3-compatible
     *                         stores without aws-chunked trailer support need; the payload is still covered by
     *                         the SigV4 signature over plain HTTP and by TLS over HTTPS. {@code when-supported}: the
     *                         AWS SDK's own default since 2.30 (CRC32 sent as an aws-chunked trailer).
     */
    public record S3(@DefaultValue("") String bucket,
                     @DefaultValue("") String prefix,
                     @DefaultValue("") String endpoint,
                     @NotBlank @DefaultValue("ap-southeast-1") String region,
                     @DefaultValue("false") boolean pathStyle,
                     @Pattern(regexp = "when-required|when-supported") @DefaultValue("when-required")
                     String requestChecksums) {
    }

    /**
     * Scanning and app settings sent with the risk configuration in {@code GET /api/v1/config}.
     *
     * @param riskFile   a risk configuration JSON file; when set it replaces the preset
     * @param riskPreset a shipped risk configuration by name ({@code RiskPreset}): {@code vietnam-f1-ministry} (the
     *                   default, the Ministry's 2 m for 15 min) or {@code vietnam-f1-derived} (62 dB for 30 min)
     */
    public record DeviceConfig(
            @DefaultValue("") String riskFile,
            @NotBlank @Pattern(regexp = "vietnam-f1-ministry|vietnam-f1-derived") @DefaultValue("vietnam-f1-ministry")
            String riskPreset,
            @Min(1) @Max(60) @DefaultValue("4") int scanWindowSeconds,
            @Min(10) @Max(3600) @DefaultValue("300") int scanIntervalSeconds,
            @Min(100) @Max(10_000) @DefaultValue("250") int advertiseIntervalMillis,
            @NotBlank @Pattern(regexp = "\\d+(\\.\\d+){0,3}") @DefaultValue("1.0.0") String minimumAppVersion) {
    }

    /**
     * @param keyId      id under which phones know the export key (Vietnam's MCC, 452)
     * @param keyVersion version of the first generated key ("v1"; rotation adds v2, ...)
     */
    public record Signing(@NotBlank @Pattern(regexp = "[A-Za-z0-9_]{1,32}") @DefaultValue("452") String keyId,
                          @NotBlank @Pattern(regexp = "[A-Za-z0-9_]{1,16}") @DefaultValue("v1") String keyVersion,
                          @NotBlank @DefaultValue("bluezone") String certificateIssuer) {
    }

    private static void requireBetween(String name, Duration d, Duration min, Duration max) {
        if (d != null && (d.compareTo(min) < 0 || d.compareTo(max) > 0)) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", was " + d);
        }
    }
}
