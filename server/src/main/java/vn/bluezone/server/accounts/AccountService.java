package vn.bluezone.server.accounts;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.audit.AuditLog;
import vn.bluezone.server.problem.DomainException;

/** Officials' accounts: creation, lookup, password changes. Passwords are stored only as encoder hashes. */
@Service
public class AccountService implements UserDetailsService {
    public static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final Pattern AREA = Pattern.compile("[0-9]{2,5}");

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final SecureRandom random;
    private final Clock clock;
    private final AuditLog audit;
    private final AreaScope areas;

    public AccountService(JdbcClient jdbc, PasswordEncoder encoder, SecureRandom random, Clock clock, AuditLog audit,
                          AreaScope areas) {
        this.areas = areas;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.random = random;
        this.clock = clock;
        this.audit = audit;
    }

    /** A new account and the password to hand over once (never stored in clear). */
    public record CreatedAccount(Official official, String oneTimePassword) {
    }

    /** Creates an account with a random password that must be changed at first login. */
    @Transactional
    public CreatedAccount createWithRandomPassword(String actor, String username, String displayName, Role role,
                                                   String areaCode) {
        String password = RandomSecrets.password(random);
        Official o = create(actor, username, displayName, role, areaCode, password, true);
        return new CreatedAccount(o, password);
    }

    /** Creates an account; {@code mustChangePassword} forces a change at first console login. */
    @Transactional
    public Official create(String actor, String username, String displayName, Role role, String areaCode,
                           String rawPassword, boolean mustChangePassword) {
        String u = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
        if (!USERNAME.matcher(u).matches()) {
            throw new DomainException(ErrorCode.INVALID_USERNAME,
                    "username must be 3-64 characters: lower-case letters, digits, '.', '_' or '-'");
        }
        if (role == null) {
            throw new DomainException(ErrorCode.INVALID_ROLE, "role is required");
        }
        String area = areaCode == null || areaCode.isBlank() ? null : areaCode.trim();
        if (area != null && !AREA.matcher(area).matches()) {
            throw new DomainException(ErrorCode.INVALID_AREA, "area code must be a GSO unit code of 2-5 digits");
        }
        if (area != null && !areas.hierarchy().contains(area, area)) {
            // An account scoped to a unit that does not exist would see nothing at all.
            throw new DomainException(ErrorCode.INVALID_AREA, "no administrative unit has the code " + area);
        }
        String name = displayName == null ? null
                : Normalizer.normalize(displayName.strip(), Normalizer.Form.NFC);
        if (name != null && name.isEmpty()) {
            name = null;
        }
        if (name != null && name.length() > 200) {
            throw new DomainException(ErrorCode.INVALID_DISPLAY_NAME, "display name must have at most 200 characters");
        }
        if (area == null && role.needsArea()) {
            // Without an area a local account's scope checks saw the whole country (issue 15 §4).
            throw new DomainException(ErrorCode.AREA_REQUIRED, "a " + role + " account needs the code of its area");
        }
        checkLevel(role, area);
        PasswordPolicy.check(rawPassword, u);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    INSERT INTO account (username, display_name, password_hash, role, area_code, enabled,
                                         must_change_password, created_at)
                    VALUES (?, ?, ?, ?, ?, TRUE, ?, ?)""")
                    .params(u, name, encoder.encode(rawPassword), role.name(), area, mustChangePassword, now())
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new DomainException(ErrorCode.USERNAME_TAKEN, "an account named '" + u + "' already exists");
        }
        long id = keys.getKey().longValue();
        audit.record(actor, "account.create", u, "role=" + role + " area=" + (area == null ? "VN" : area));
        return new Official(id, u, name, role, area, mustChangePassword);
    }

    /**
     * A local role's area is of its level ({@link Role#areaDepth()}): a commune account scoped to a whole province
     * would see 150 communes' cohort records.
     */
    private static void checkLevel(Role role, String area) {
        if (area != null && role.areaDepth() > 0 && areaDepth(area) != role.areaDepth()) {
            throw new DomainException(ErrorCode.INVALID_AREA, "a " + role + " account's area must be a "
                    + (role.areaDepth() == 1 ? "province" : role.areaDepth() == 2 ? "district" : "commune"));
        }
    }

    /** The level of a GSO code by its length: 1 province (2 digits), 2 district (3), 3 commune (5); else 0. */
    public static int areaDepth(String code) {
        return switch (code == null ? 0 : code.length()) {
            case 2 -> 1;
            case 3 -> 2;
            case 5 -> 3;
            default -> 0;
        };
    }

    /** See {@link PasswordPolicy}: length, commonest passwords, runs and repeats. */
    public static void checkPasswordStrength(String rawPassword) {
        PasswordPolicy.check(rawPassword, null);
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single();
    }

    public Optional<Official> find(String username) {
        return jdbc.sql("SELECT * FROM account WHERE username = ?").param(username)
                .query(AccountService::official).optional();
    }

    public Optional<Official> find(long id) {
        return jdbc.sql("SELECT * FROM account WHERE id = ?").param(id).query(AccountService::official).optional();
    }

    public List<Official> list() {
        return jdbc.sql("SELECT * FROM account ORDER BY username").query(AccountService::official).list();
    }

    /** Changes the password after checking the current one; clears the must-change flag. */
    @Transactional
    public void changePassword(long accountId, String currentPassword, String newPassword) {
        String hash = jdbc.sql("SELECT password_hash FROM account WHERE id = ?").param(accountId)
                .query(String.class).optional()
                .orElseThrow(() -> new DomainException(ErrorCode.ACCOUNT_NOT_FOUND, "no such account"));
        if (currentPassword == null || !encoder.matches(currentPassword, hash)) {
            throw new DomainException(ErrorCode.WRONG_PASSWORD, "the current password is wrong");
        }
        PasswordPolicy.check(newPassword, find(accountId).map(Official::username).orElse(null));
        if (newPassword.equals(currentPassword)) {
            throw new DomainException(ErrorCode.SAME_PASSWORD, "choose a password different from the current one");
        }
        jdbc.sql("UPDATE account SET password_hash = ?, must_change_password = FALSE WHERE id = ?")
                .params(encoder.encode(newPassword), accountId).update();
        audit.record(find(accountId).map(Official::username).orElse("?"), "account.password-change", null, null);
    }

    /**
     * Enables or disables an account. An official cannot disable their own account: an administrator who did so
     * by mistake could lock everyone out when they are the only one.
     */
    @Transactional
    public void setEnabled(String actor, long accountId, boolean enabled) {
        Official target = find(accountId)
                .orElseThrow(() -> new DomainException(ErrorCode.ACCOUNT_NOT_FOUND, "no such account"));
        if (!enabled && target.username().equals(actor)) {
            throw new DomainException(ErrorCode.CANNOT_DISABLE_SELF, "you cannot disable your own account");
        }
        if (enabled && target.areaCode() == null && target.role().needsArea()) {
            throw new DomainException(ErrorCode.AREA_REQUIRED, "give this " + target.role() + " account its area first");
        }
        jdbc.sql("UPDATE account SET enabled = ? WHERE id = ?").params(enabled, accountId).update();
        audit.record(actor, enabled ? "account.enable" : "account.disable", target.username(), "id=" + accountId);
    }

    /**
     * Sets the area of an account (the fix for a local account created without one, which the start-up check
     * {@link LocalRoleAreaCheck} disabled). Audited {@code account.area}; the account stays disabled until enabled.
     */
    public void setArea(String actor, long accountId, String areaCode) {
        Official target = find(accountId)
                .orElseThrow(() -> new DomainException(ErrorCode.ACCOUNT_NOT_FOUND, "no such account"));
        String area = areaCode == null || areaCode.isBlank() ? null : areaCode.trim();
        if (area == null && target.role().needsArea()) {
            throw new DomainException(ErrorCode.AREA_REQUIRED, "a " + target.role() + " account needs the code of its area");
        }
        if (area != null && (!AREA.matcher(area).matches() || !areas.hierarchy().contains(area, area))) {
            throw new DomainException(ErrorCode.INVALID_AREA, "no administrative unit has the code " + area);
        }
        checkLevel(target.role(), area);
        jdbc.sql("UPDATE account SET area_code = ? WHERE id = ?").params(area, accountId).update();
        audit.record(actor, "account.area", target.username(), "id=" + accountId + " area=" + (area == null ? "VN" : area));
    }

    /**
     * Replaces an account's password with a new random one that must be changed at next login (the official forgot
     * theirs). The password is returned once to be handed over; only its hash is stored.
     */
    @Transactional
    public CreatedAccount resetPassword(String actor, long accountId) {
        Official target = find(accountId)
                .orElseThrow(() -> new DomainException(ErrorCode.ACCOUNT_NOT_FOUND, "no such account"));
        String password = RandomSecrets.password(random);
        jdbc.sql("UPDATE account SET password_hash = ?, must_change_password = TRUE WHERE id = ?")
                .params(encoder.encode(password), accountId).update();
        audit.record(actor, "account.password-reset", target.username(), "id=" + accountId);
        return new CreatedAccount(find(accountId).orElseThrow(), password);
    }

    /**
     * The stamp a session of this account must carry to stay valid ({@link OfficialDetails#sessionStamp()});
     * empty when the account is gone or disabled. It changes whenever the password is changed or reset.
     */
    public Optional<String> sessionStamp(long accountId) {
        return jdbc.sql("SELECT enabled, password_hash FROM account WHERE id = ?").param(accountId)
                .query((rs, n) -> rs.getBoolean("enabled") ? OfficialDetails.stamp(rs.getString("password_hash")) : "")
                .optional().filter(s -> !s.isEmpty());
    }

    /** Every account with its enabled flag (the administrators' console list). */
    public List<AccountStatus> listWithStatus() {
        return jdbc.sql("SELECT * FROM account ORDER BY username").query(AccountService::status).list();
    }

    public Optional<AccountStatus> findWithStatus(long id) {
        return jdbc.sql("SELECT * FROM account WHERE id = ?").param(id).query(AccountService::status).optional();
    }

    private static AccountStatus status(ResultSet rs, int rowNum) throws SQLException {
        return new AccountStatus(official(rs, rowNum), rs.getBoolean("enabled"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    /** An account as administrators see it. */
    public record AccountStatus(Official official, boolean enabled, Instant createdAt) {
    }

    /** For form login: the account with its password hash. */
    @Override
    public UserDetails loadUserByUsername(String username) {
        String u = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
        return jdbc.sql("SELECT * FROM account WHERE username = ?").param(u)
                .query((rs, n) -> new OfficialDetails(official(rs, n), rs.getString("password_hash"),
                        rs.getBoolean("enabled")))
                .optional().orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }

    /** Account for an id, if enabled (API-key logins). */
    Optional<OfficialDetails> loadEnabled(long id) {
        return jdbc.sql("SELECT * FROM account WHERE id = ? AND enabled = TRUE").param(id)
                .query((rs, n) -> new OfficialDetails(official(rs, n), null, true)).optional();
    }

    static Official official(ResultSet rs, int rowNum) throws SQLException {
        return new Official(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getString("area_code"), rs.getBoolean("must_change_password"));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
