package vn.bluezone.server.accounts.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import vn.bluezone.server.accounts.AreaPicker;
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
 * again here). A refused form comes back with what was typed and the message in the reader's language next to the
 * field. The area is chosen with the {@link AreaPicker} (province → district → commune by name), never typed as a
 * code; a local role needs an area of its level ({@link Role#areaDepth()}), checked by the service.
 */
@Controller
public class AccountsPageController {
    /** Rows shown at most; a search narrows the list (the whole country may have an account per commune). */
    static final int MAX_ROWS = 500;

    private final CurrentOfficial current;
    private final AccountService accounts;
    private final AccountList list;
    private final MessageSource messages;
    private final AreaPicker picker;

    /** The area field of the forms; its selects post {@code areaProvince}, {@code areaDistrict}, {@code areaCommune}. */
    static final String AREA = "area";

    public AccountsPageController(CurrentOfficial current, AccountService accounts, AccountList list,
                                  MessageSource messages, AreaPicker picker) {
        this.current = current;
        this.accounts = accounts;
        this.list = list;
        this.messages = messages;
        this.picker = picker;
    }

    /** What the creation form held, to show it again when refused. */
    public record NewAccountForm(String username, String displayName, String role, String areaCode) {
        static final NewAccountForm EMPTY = new NewAccountForm("", "", "", "");
    }

    @GetMapping("/console/accounts")
    public String page(@RequestParam(defaultValue = "") String q, Model model, Locale locale) {
        Official admin = current.requireRole(Role.ADMIN);
        fill(model, admin, q, NewAccountForm.EMPTY, Map.of(), locale);
        return "console/accounts";
    }

    /**
     * Creates the account; or, for the picker's {@value AreaPicker#PICK} button (no JavaScript), shows the form
     * again with the next level of areas to choose from.
     */
    @PostMapping("/console/accounts")
    public String create(@RequestParam(defaultValue = "") String username,
                         @RequestParam(defaultValue = "") String displayName,
                         @RequestParam(defaultValue = "") String role,
                         @RequestParam Map<String, String> params,
                         Model model, Locale locale, HttpServletResponse response) {
        Official admin = current.requireRole(Role.ADMIN);
        String area = picker.chosen(AREA, params::get);
        NewAccountForm form = new NewAccountForm(username, displayName, role, area == null ? "" : area);
        if (params.containsKey(AreaPicker.PICK)) {
            fill(model, admin, "", form, Map.of(), locale);
            return "console/accounts";
        }
        try {
            AccountService.CreatedAccount created = accounts.createWithRandomPassword(admin.username(), username,
                    displayName, role(role), area);
            return secretPage(model, admin, created, true, locale);
        } catch (DomainException e) {
            if (ErrorStatus.isForbidden(e)) {
                throw e;
            }
            response.setStatus(ErrorStatus.of(e).value());
            model.addAttribute("error", messages.getMessage("accounts.form.refused", null, locale));
            fill(model, admin, "", form, Map.of(fieldOf(e), fieldProblem(e, role, area, locale)), locale);
            return "console/accounts";
        }
    }

    /** The page to give an account another area (e.g. a local account disabled at start-up for having none). */
    @GetMapping("/console/accounts/{id}/area")
    public String areaPage(@PathVariable long id, Model model, Locale locale) {
        Official admin = current.requireRole(Role.ADMIN);
        return accounts.findWithStatus(id).map(a -> areaForm(model, admin, a, a.official().areaCode(), Map.of(),
                locale)).orElseThrow(() -> new DomainException(ErrorCode.ACCOUNT_NOT_FOUND, "no such account"));
    }

    @PostMapping("/console/accounts/{id}/area")
    public String setArea(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
                          Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        Official admin = current.requireRole(Role.ADMIN);
        AccountService.AccountStatus account = accounts.findWithStatus(id)
                .orElseThrow(() -> new DomainException(ErrorCode.ACCOUNT_NOT_FOUND, "no such account"));
        String area = picker.chosen(AREA, params::get);
        if (params.containsKey(AreaPicker.PICK)) {
            return areaForm(model, admin, account, area, Map.of(), locale);
        }
        try {
            accounts.setArea(admin.username(), id, area);
        } catch (DomainException e) {
            if (ErrorStatus.isForbidden(e)) {
                throw e;
            }
            response.setStatus(ErrorStatus.of(e).value());
            model.addAttribute("error", messages.getMessage("accounts.form.refused", null, locale));
            return areaForm(model, admin, account, area, Map.of(AREA, fieldProblem(e,
                    account.official().role().name(), area, locale)), locale);
        }
        redirect.addFlashAttribute("info", messages.getMessage("accounts.area.done",
                new Object[] {account.official().username()}, locale));
        return "redirect:/console/accounts";
    }

    private String areaForm(Model model, Official admin, AccountService.AccountStatus account, String area,
                            Map<String, String> fieldErrors, Locale locale) {
        model.addAttribute("official", admin);
        model.addAttribute("account", list.row(account.official(), account.enabled(), account.createdAt(),
                admin.username(), locale));
        model.addAttribute("picker", picker.view(admin, AREA, area));
        model.addAttribute("fieldErrors", fieldErrors);
        return "console/account-area";
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

    private void fill(Model model, Official admin, String q, NewAccountForm form, Map<String, String> fieldErrors,
                      Locale locale) {
        List<AccountList.Row> rows = list.rows(q, admin.username(), locale);
        model.addAttribute("official", admin);
        model.addAttribute("q", q);
        model.addAttribute("total", rows.size());
        model.addAttribute("rows", rows.size() > MAX_ROWS ? rows.subList(0, MAX_ROWS) : rows);
        model.addAttribute("maxRows", MAX_ROWS);
        model.addAttribute("roles", Role.values());
        model.addAttribute("form", form);
        model.addAttribute("picker", picker.view(admin, AREA, form.areaCode().isEmpty() ? null : form.areaCode()));
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("fmt", new Formats());
    }

    /** The form field a refusal is about, where its message is shown. */
    static String fieldOf(DomainException e) {
        return switch (e.errorCode()) {
            case INVALID_USERNAME, USERNAME_TAKEN, WEAK_PASSWORD -> "username";
            case INVALID_DISPLAY_NAME -> "displayName";
            case INVALID_ROLE -> "role";
            case INVALID_AREA, AREA_REQUIRED -> AREA;
            default -> "form";
        };
    }

    /**
     * The refusal in the reader's language; an area of the wrong level for the role says which level the role needs
     * ("Tài khoản Cấp xã cần một xã, phường hoặc thị trấn").
     */
    private String fieldProblem(DomainException e, String role, String area, Locale locale) {
        Role r = null;
        try {
            r = role == null || role.isBlank() ? null : Role.parse(role);
        } catch (IllegalArgumentException ignored) {
            // an unknown role was refused on its own field
        }
        if (r != null && r.areaDepth() > 0 && (e.errorCode() == ErrorCode.AREA_REQUIRED
                || (e.errorCode() == ErrorCode.INVALID_AREA && area != null
                && AccountService.areaDepth(area) != r.areaDepth()))) {
            return messages.getMessage("accounts.error.areaLevel", new Object[] {
                    messages.getMessage("role." + r.name(), null, locale),
                    messages.getMessage("area.level." + r.areaDepth() + ".one", null, locale)}, locale);
        }
        return problem(e, locale);
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
