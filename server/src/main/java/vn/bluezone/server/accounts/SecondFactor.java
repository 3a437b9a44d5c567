package vn.bluezone.server.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.bluezone.server.audit.AuditLog;

/**
 * Officials' second factor (TOTP). Optional for every official; required for the roles in
 * {@code bluezone.accounts.totp-required-roles} (default ADMIN and HEALTH_OFFICER: accounts, keys and F0 codes).
 * A session counts as verified once a code matched ({@link #SESSION_ATTRIBUTE}); a code is accepted once.
 */
@Service
@EnableConfigurationProperties(SecondFactor.Properties.class)
public class SecondFactor {
    /** Session attribute holding the id of the account whose code was verified in this session. */
    public static final String SESSION_ATTRIBUTE = "bz.second-factor.verified";
    public static final String ISSUER = "Bluezone";

    /**
     * @param totpRequiredRoles roles that must use a second factor (empty: optional for everyone)
     */
    @org.springframework.validation.annotation.Validated
    @ConfigurationProperties("bluezone.accounts")
    public record Properties(@jakarta.validation.constraints.NotNull @DefaultValue({"ADMIN", "HEALTH_OFFICER"})
                             List<Role> totpRequiredRoles) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final Set<Role> required;
    private final SecureRandom random = new SecureRandom();

    public SecondFactor(JdbcClient jdbc, Clock clock, AuditLog audit, Properties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.required = properties.totpRequiredRoles() == null || properties.totpRequiredRoles().isEmpty()
                ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(properties.totpRequiredRoles());
    }

    public boolean requiredFor(Role role) {
        return required.contains(role);
    }

    public boolean enabled(long accountId) {
        return secret(accountId).isPresent();
    }

    /** Whether this official must pass a code in each session: enrolled, or of a role that requires it. */
    public boolean applies(Official o) {
        return requiredFor(o.role()) || enabled(o.id());
    }

    private Optional<String> secret(long accountId) {
        return jdbc.sql("SELECT totp_secret FROM account WHERE id = ?").param(accountId).query(String.class)
                .optional();
    }

    public String newSecret() {
        return Totp.newSecret(random);
    }

    /** Turns the second factor on with {@code secret} once the app shows a matching code. */
    public boolean enroll(Official o, String secret, String code) {
        long step = Totp.matchingStep(secret, code, clock.instant().getEpochSecond());
        if (step < 0) {
            return false;
        }
        jdbc.sql("UPDATE account SET totp_secret = ?, totp_enabled_at = ?, totp_last_step = ? WHERE id = ?")
                .params(secret, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), step, o.id()).update();
        audit.record(o.username(), "account.totp-enroll", o.username(), null);
        return true;
    }

    /** True when {@code code} matches now and was not used before (each code once). */
    public boolean verify(Official o, String code) {
        String secret = secret(o.id()).orElse(null);
        if (secret == null) {
            return false;
        }
        long step = Totp.matchingStep(secret, code, clock.instant().getEpochSecond());
        if (step < 0) {
            audit.record(o.username(), "account.totp-failed", o.username(), null);
            return false;
        }
        // Compare-and-set on the last step: a replayed (or concurrent) code finds the step already taken.
        int updated = jdbc.sql("UPDATE account SET totp_last_step = ? WHERE id = ? AND (totp_last_step IS NULL "
                + "OR totp_last_step < ?)").params(step, o.id(), step).update();
        return updated == 1;
    }
}
