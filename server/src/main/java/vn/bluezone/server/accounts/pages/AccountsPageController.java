package vn.bluezone.server.accounts.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.accounts.AccountService;
import vn.bluezone.server.accounts.CurrentOfficial;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.problem.DomainException;
import vn.bluezone.server.console.Formats;
import vn.bluezone.server.web.ErrorStatus;

/**
 * Administrators' console page for officials' accounts: list and search, create (the one-time password is shown
 * once, on the answer to the form, never stored in clear nor put in the session), disable / enable, reset a
 * password. Every action goes through {@link AccountService}, which validates like the API and writes the audit
 * log. Other roles get 403 (the security configuration refuses them first; {@link CurrentOfficial#requireRole}
 * again here). A refused form comes back with the message in the reader's language and what was typed.
 */
@Controller
public class AccountsPageController {
    /** Rows shown at most; a search narrows the list (the whole country may have an account per commune). */
    static final int MAX_ROWS = 500;

    private final CurrentOfficial current;
    private final AccountService accounts;
    private final AccountList list;
    private final MessageSource messages;

    public AccountsPageController(CurrentOfficial current, AccountService accounts, AccountList list,
                                  MessageSource messages) {
        this.current = current;
        this.accounts = accounts;
        this.list = list;
        this.messages = messages;
    }

    /** What the creation form held, to show it again when refused. */
    public record NewAccountForm(String username, String displayName, String role, String areaCode) {
        static final NewAccountForm EMPTY = new NewAccountForm("", "", "", "");
    }

    @GetMapping("/console/accounts")
    public String page(@RequestParam(defaultValue = "") String q, Model model, Locale locale) {
        Official admin = current.requireRole(Role.ADMIN);
        fill(model, admin, q, NewAccountForm.EMPTY, locale);
        return "console/accounts";
    }

    @PostMapping("/console/accounts")
    public String create(@RequestParam(defaultValue = "") String username,
                         @RequestParam(defaultValue = "") String displayName,
                         @RequestParam(defaultValue = "") String role,
                         @RequestParam(defaultValue = "") String areaCode,
                         Model model, Locale locale, HttpServletResponse response) {
        Official admin = current.requireRole(Role.ADMIN);
        try {
            AccountService.CreatedAccount created = accounts.createWithRandomPassword(admin.username(), username,
                    displayName, role(role), areaCode);
            return secretPage(model, admin, created, true, locale);
        } catch (DomainException e) {
            if (ErrorStatus.isForbidden(e)) {
                throw e;
            }
            response.setStatus(ErrorStatus.of(e).value());
            model.addAttribute("error", problem(e, locale));
            fill(model, admin, "", new NewAccountForm(username, displayName, role, areaCode), locale);
            return "console/accounts";
        }
    }

    @PostMapping("/console/accounts/{id}/disable")
    public String disable(@PathVariable long id, @RequestParam(defaultValue = "") String q,
                          RedirectAttributes redirect, Locale locale) {
        return setEnabled(id, false, q, redirect, locale);
    }

    @PostMapping("/console/accounts/{id}/enable")
    public String enable(@PathVariable long id, @RequestParam(defaultValue = "") String q,
                         RedirectAttributes redirect, Locale locale) {
        return setEnabled(id, true, q, redirect, locale);
    }

    @PostMapping("/console/accounts/{id}/password-reset")
    public String resetPassword(@PathVariable long id, @RequestParam(defaultValue = "") String q, Model model,
                                RedirectAttributes redirect, Locale locale) {
        Official admin = current.requireRole(Role.ADMIN);
        try {
            return secretPage(model, admin, accounts.resetPassword(admin.username(), id), false, locale);
        } catch (DomainException e) {
            if (ErrorStatus.isForbidden(e)) {
                throw e;
            }
            redirect.addFlashAttribute("error", problem(e, locale));
            return back(q);
        }
    }

    private String setEnabled(long id, boolean enabled, String q, RedirectAttributes redirect, Locale locale) {
        Official admin = current.requireRole(Role.ADMIN);
        try {
            accounts.setEnabled(admin.username(), id, enabled);
            String username = accounts.find(id).map(Official::username).orElse("?");
            redirect.addFlashAttribute("info", messages.getMessage(
                    enabled ? "accounts.enabled.done" : "accounts.disabled.done", new Object[] {username}, locale));
        } catch (DomainException e) {
            if (ErrorStatus.isForbidden(e)) {
                throw e;
            }
            redirect.addFlashAttribute("error", problem(e, locale));
        }
        return back(q);
    }

    /** Back to the list, keeping the search the administrator was in. */
    private static String back(String q) {
        return "redirect:" + UriComponentsBuilder.fromPath("/console/accounts")
                .queryParamIfPresent("q", q.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(q))
                .encode().build().toUriString();
    }

    private String secretPage(Model model, Official admin, AccountService.CreatedAccount account, boolean created,
                              Locale locale) {
        AccountService.AccountStatus status = accounts.findWithStatus(account.official().id()).orElseThrow();
        model.addAttribute("official", admin);
        model.addAttribute("account", list.row(status.official(), status.enabled(), status.createdAt(),
                admin.username(), locale));
        model.addAttribute("password", account.oneTimePassword());
        model.addAttribute("created", created);
        model.addAttribute("fmt", new Formats());
        return "console/account-password";
    }

    private void fill(Model model, Official admin, String q, NewAccountForm form, Locale locale) {
        List<AccountList.Row> rows = list.rows(q, admin.username(), locale);
        model.addAttribute("official", admin);
        model.addAttribute("q", q);
        model.addAttribute("total", rows.size());
        model.addAttribute("rows", rows.size() > MAX_ROWS ? rows.subList(0, MAX_ROWS) : rows);
        model.addAttribute("maxRows", MAX_ROWS);
        model.addAttribute("roles", Role.values());
        model.addAttribute("form", form);
        model.addAttribute("fmt", new Formats());
    }

    /** The role chosen in the form; the same refusal as the API for a missing or unknown one. */
    private static Role role(String value) {
        if (value.isBlank()) {
            throw new DomainException(ErrorCode.INVALID_ROLE, "role is required");
        }
        try {
            return Role.parse(value);
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.INVALID_ROLE, e.getMessage());
        }
    }

    /** A refusal in the reader's language when the bundle knows its code, else the service's own words. */
    private String problem(DomainException e, Locale locale) {
        return messages.getMessage("accounts.error." + e.code(), null, e.getMessage(), locale);
    }
}
