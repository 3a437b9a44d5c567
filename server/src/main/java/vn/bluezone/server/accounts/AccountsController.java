package vn.bluezone.server.accounts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.bluezone.server.audit.AuditLog;

/** Officials' own account, their API keys, and (for administrators) other accounts and the audit log. */
@RestController
@RequestMapping("/api/v1/admin")
@Tag(name = "accounts", description = "Officials' accounts, API keys and audit log")
public class AccountsController {
    private final CurrentOfficial current;
    private final AccountService accounts;
    private final ApiKeyService apiKeys;
    private final AuditLog audit;
    private final PrincipalRefresher refresher;

    public AccountsController(CurrentOfficial current, AccountService accounts, ApiKeyService apiKeys, AuditLog audit,
                              PrincipalRefresher refresher) {
        this.refresher = refresher;
        this.current = current;
        this.accounts = accounts;
        this.apiKeys = apiKeys;
        this.audit = audit;
    }

    @GetMapping("/me")
    @Operation(summary = "The calling official")
    public Official me() {
        return current.require();
    }

    /** Password change request. */
    public record PasswordChange(@NotNull String currentPassword, @NotBlank @Size(max = 1024) String newPassword) {
    }

    @PostMapping("/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change the caller's password")
    public void changePassword(@Valid @RequestBody PasswordChange body, jakarta.servlet.http.HttpServletRequest req,
                               jakarta.servlet.http.HttpServletResponse res) {
        Official me = current.require();
        accounts.changePassword(me.id(), body.currentPassword(), body.newPassword());
        refresher.refresh(me.username(), req, res);
    }

    /** API key request. */
    public record ApiKeyRequest(@Size(max = 100) String label) {
    }

    @PostMapping("/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue an API key for the caller (shown once)")
    public ApiKeyService.IssuedKey issueKey(@Valid @RequestBody(required = false) ApiKeyRequest body) {
        return apiKeys.issue(current.require(), body == null ? null : body.label());
    }

    @GetMapping("/api-keys")
    @Operation(summary = "The caller's API keys (without secrets)")
    public List<ApiKeyService.KeyInfo> listKeys() {
        return apiKeys.list(current.require());
    }

    @DeleteMapping("/api-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of the caller's API keys")
    public void revokeKey(@PathVariable long id) {
        apiKeys.revoke(current.require(), id);
    }

    /** New account request. */
    public record NewAccount(@NotBlank String username, @Size(max = 200) String displayName, @NotNull Role role,
                             String areaCode) {
    }

    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an official's account with a one-time password (administrators)")
    public AccountService.CreatedAccount createAccount(@Valid @RequestBody NewAccount body) {
        Official admin = current.requireRole(Role.ADMIN);
        return accounts.createWithRandomPassword(admin.username(), body.username(), body.displayName(), body.role(),
                body.areaCode());
    }

    @GetMapping("/accounts")
    @Operation(summary = "All accounts (administrators)")
    public List<Official> listAccounts() {
        current.requireRole(Role.ADMIN);
        return accounts.list();
    }

    @PostMapping("/accounts/{id}/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Disable an account (administrators; not their own)")
    public void disable(@PathVariable long id) {
        Official admin = current.requireRole(Role.ADMIN);
        accounts.setEnabled(admin.username(), id, false);
    }

    /** New area of an account. */
    public record AreaChange(String areaCode) {
    }

    @PostMapping("/accounts/{id}/area")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set an account's area (administrators); local roles need one before they can be enabled")
    public void setArea(@PathVariable long id, @RequestBody AreaChange body) {
        Official admin = current.requireRole(Role.ADMIN);
        accounts.setArea(admin.username(), id, body.areaCode());
    }

    @PostMapping("/accounts/{id}/enable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Enable a disabled account again (administrators)")
    public void enable(@PathVariable long id) {
        Official admin = current.requireRole(Role.ADMIN);
        accounts.setEnabled(admin.username(), id, true);
    }

    @PostMapping("/accounts/{id}/password-reset")
    @Operation(summary = "Give an account a new one-time password, to be changed at next login (administrators)")
    public AccountService.CreatedAccount resetPassword(@PathVariable long id) {
        Official admin = current.requireRole(Role.ADMIN);
        return accounts.resetPassword(admin.username(), id);
    }

    @GetMapping("/audit")
    @Operation(summary = "Recent audit entries, newest first (administrators and national officials)")
    public List<AuditLog.Entry> audit(@org.springframework.web.bind.annotation.RequestParam(required = false) String action,
                                      @org.springframework.web.bind.annotation.RequestParam(defaultValue = "100") int limit) {
        current.requireRole(Role.ADMIN, Role.NATIONAL);
        return audit.recent(action, limit);
    }
}
