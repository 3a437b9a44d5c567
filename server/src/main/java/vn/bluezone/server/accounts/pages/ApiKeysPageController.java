package vn.bluezone.server.accounts.pages;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import vn.bluezone.server.accounts.ApiKeyService;
import vn.bluezone.server.accounts.CurrentOfficial;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.problem.DomainException;
import vn.bluezone.server.console.Formats;
import vn.bluezone.server.web.ErrorStatus;

/**
 * Any official's own API keys (for scripts, header {@code X-Api-Key}): list, issue (the secret appears once, in
 * the answer to the form), revoke. Only the owner's keys are listed or revocable; the service audits both actions.
 */
@Controller
public class ApiKeysPageController {
    private final CurrentOfficial current;
    private final ApiKeyService keys;
    private final MessageSource messages;

    public ApiKeysPageController(CurrentOfficial current, ApiKeyService keys, MessageSource messages) {
        this.current = current;
        this.keys = keys;
        this.messages = messages;
    }

    @GetMapping("/console/api-keys")
    public String page(Model model) {
        fill(model, current.require(), "");
        return "console/api-keys";
    }

    @PostMapping("/console/api-keys")
    public String issue(@RequestParam(defaultValue = "") String label, Model model, Locale locale,
                        HttpServletResponse response) {
        Official me = current.require();
        try {
            model.addAttribute("issued", keys.issue(me, label));
            model.addAttribute("meUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
                    .path("/api/v1/admin/me").toUriString());
            fill(model, me, "");
        } catch (DomainException e) {
            response.setStatus(ErrorStatus.of(e).value());
            model.addAttribute("error", problem(e, locale));
            fill(model, me, label);
        }
        return "console/api-keys";
    }

    @PostMapping("/console/api-keys/{id}/revoke")
    public String revoke(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        Official me = current.require();
        try {
            keys.revoke(me, id);
            redirect.addFlashAttribute("info", messages.getMessage("apikeys.revoked", null, locale));
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", problem(e, locale));
        }
        return "redirect:/console/api-keys";
    }

    private void fill(Model model, Official me, String label) {
        model.addAttribute("official", me);
        model.addAttribute("keys", keys.list(me));
        model.addAttribute("label", label);
        model.addAttribute("fmt", new Formats());
    }

    private String problem(DomainException e, Locale locale) {
        return messages.getMessage("apikeys.error." + e.code(), null, e.getMessage(), locale);
    }
}
