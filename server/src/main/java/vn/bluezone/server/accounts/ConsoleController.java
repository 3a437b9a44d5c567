package vn.bluezone.server.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.bluezone.server.problem.DomainException;

/** The console's login page and the password page (server-rendered, Vietnamese first); home: home.DashboardPage. */
@Controller
public class ConsoleController {
    private final CurrentOfficial current;
    private final AccountService accounts;
    private final PrincipalRefresher refresher;
    private final org.springframework.context.MessageSource messages;

    public ConsoleController(CurrentOfficial current, AccountService accounts, PrincipalRefresher refresher,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.current = current;
        this.accounts = accounts;
        this.refresher = refresher;
    }

    @GetMapping("/")
    public String root() {
        return "redirect:/console";
    }

    @GetMapping("/login")
    public String login() {
        return "login";
    }

    @GetMapping("/console/password")
    public String passwordForm(Model model) {
        model.addAttribute("official", current.require());
        return "console/password";
    }

    @PostMapping("/console/password")
    public String changePassword(@RequestParam(defaultValue = "") String currentPassword,
                                 @RequestParam(defaultValue = "") String newPassword,
                                 @RequestParam(defaultValue = "") String confirmPassword,
                                 Model model, HttpServletRequest req, HttpServletResponse res) {
        Official me = current.require();
        model.addAttribute("official", me);
        if (!newPassword.equals(confirmPassword)) {
            model.addAttribute("error", messages.getMessage("password.mismatch", null,
                    org.springframework.context.i18n.LocaleContextHolder.getLocale()));
            return "console/password";
        }
        try {
            accounts.changePassword(me.id(), currentPassword, newPassword);
        } catch (DomainException e) {
            model.addAttribute("error", messages.getMessage("password.error." + e.code(), null, e.getMessage(),
                    org.springframework.context.i18n.LocaleContextHolder.getLocale()));
            return "console/password";
        }
        refresher.refresh(me.username(), req, res); // the must-change flag is gone from the session too
        return "redirect:/console?passwordChanged";
    }
}
