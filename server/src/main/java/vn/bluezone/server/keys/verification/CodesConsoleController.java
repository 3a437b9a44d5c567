package vn.bluezone.server.keys.verification;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.bluezone.protocol.ReportType;
import vn.bluezone.server.accounts.CurrentOfficial;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.accounts.Role;
import vn.bluezone.server.web.ApiException;

/** Console page for health officers: issue a code, see recent codes and their status, expire one. */
@Controller
public class CodesConsoleController {
    private final VerificationService service;
    private final CurrentOfficial current;

    public CodesConsoleController(VerificationService service, CurrentOfficial current) {
        this.service = service;
        this.current = current;
    }

    @GetMapping("/console/codes")
    public String page(Model model) {
        Official me = current.requireRole(Role.HEALTH_OFFICER, Role.ADMIN);
        fill(model, me);
        return "console/codes";
    }

    @PostMapping("/console/codes")
    public String issue(@RequestParam(defaultValue = "CONFIRMED_TEST") String reportType,
                        @RequestParam(defaultValue = "") String symptomDate,
                        @RequestParam(defaultValue = "") String testDate,
                        @RequestParam(defaultValue = "") String region, Model model) {
        Official me = current.requireRole(Role.HEALTH_OFFICER, Role.ADMIN);
        try {
            VerificationService.IssuedCode code = service.issue(me, new VerificationService.IssueRequest(
                    ReportType.valueOf(reportType), date(symptomDate), date(testDate), region.isBlank() ? null : region));
            model.addAttribute("issued", code);
        } catch (ApiException e) {
            model.addAttribute("error", e.getMessage());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            model.addAttribute("error", "Dữ liệu không hợp lệ / Invalid input");
        }
        fill(model, me);
        return "console/codes";
    }

    @PostMapping("/console/codes/{id}/expire")
    public String expire(@PathVariable String id, Model model) {
        Official me = current.requireRole(Role.HEALTH_OFFICER, Role.ADMIN);
        try {
            service.expire(me, id);
        } catch (ApiException e) {
            model.addAttribute("error", e.getMessage());
            fill(model, me);
            return "console/codes";
        }
        return "redirect:/console/codes";
    }

    private void fill(Model model, Official me) {
        model.addAttribute("official", me);
        model.addAttribute("types", VerificationService.ISSUABLE);
        model.addAttribute("codes", service.recent(me, 50));
    }

    private static LocalDate date(String s) {
        return s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
    }
}
