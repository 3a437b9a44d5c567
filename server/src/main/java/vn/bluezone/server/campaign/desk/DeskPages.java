package vn.bluezone.server.campaign.desk;

import static vn.bluezone.server.campaign.CampaignAccess.MANAGERS;
import static vn.bluezone.server.campaign.CampaignAccess.STAFF;
import static vn.bluezone.server.campaign.CampaignAccess.VISITORS;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.registry.Areas;
import vn.bluezone.server.campaign.CampaignAccess;
import vn.bluezone.server.campaign.CampaignClock;
import vn.bluezone.server.campaign.CampaignPageModel;
import vn.bluezone.server.campaign.CampaignProblem;
import vn.bluezone.server.console.RefusedForm;

/** The one-stop desk: installs per desk and day, quick entry. */
@Controller
public class DeskPages {
    private final CampaignAccess access;
    private final CampaignPageModel page;
    private final Areas areas;
    private final CampaignClock clock;
    private final DeskService desk;

    public DeskPages(CampaignAccess access, CampaignPageModel page, Areas areas, CampaignClock clock, DeskService desk) {
        this.access = access;
        this.page = page;
        this.areas = areas;
        this.clock = clock;
        this.desk = desk;
    }

    @GetMapping("/console/campaign/desk")
    public String deskPage(@RequestParam(required = false) String commune, Model model) {
        Official o = access.require(STAFF);
        String c = page.commune(o, commune);
        if (c == null) {
            return page.chooseCommune(model, o, "/console/campaign/desk", commune);
        }
        page.common(model, o, c);
        LocalDate today = clock.today();
        model.addAttribute("procedures", ProcedureType.values());
        model.addAttribute("perDesk", desk.perDesk(c, today.minusDays(6), today));
        model.addAttribute("perDay", desk.perDeskAndDay(c, today.minusDays(6), today));
        model.addAttribute("manager", MANAGERS.contains(o.role()));
        // The day left null: the template writes today in the form's dd/mm/yyyy.
        RefusedForm.blank(model, "deskForm", new DeskForm(page.text("campaign.desk.defaultDesk"), "",
                "1", null));
        return "campaign/desk";
    }

    /** What the desk form held, to show it again when refused; a null day is today. */
    public record DeskForm(String desk, String procedure, String installs, String day) {
    }

    @PostMapping("/console/campaign/desk")
    public String addDesk(@RequestParam String commune, @RequestParam(required = false) String desk,
            @RequestParam(required = false) String procedure, @RequestParam(required = false) String installs,
            @RequestParam(required = false) String day, Model model, RedirectAttributes flash) {
        Official o = access.require(MANAGERS, commune);
        try {
            // Typed as text so that "12a" is refused next to its field, not as a framework error page.
            Integer n = installs == null || installs.isBlank() ? null : parseCount(installs.strip());
            this.desk.add(commune, desk, procedure, vn.bluezone.server.web.Dates.optional(day,
                    () -> new CampaignProblem(ErrorCode.BAD_DATE, "'" + day + "' is not a day (dd/mm/yyyy)", "day")),
                    n, o.username());
            flash.addFlashAttribute("info", page.text("campaign.desk.recorded"));
            return "redirect:/console/campaign/desk?commune=" + commune;
        } catch (CampaignProblem p) {
            String message = switch (p.code()) {
                case "BAD_COUNT" -> page.text("campaign.desk.badInstalls", DeskService.MAX_PER_ENTRY);
                case "BAD_DAY" -> page.text("campaign.desk.badDay", DeskService.MAX_DAYS_BACK);
                default -> page.problem(p);
            };
            return page.refused(model, p, "deskForm", new DeskForm(desk, procedure, installs, day),
                    CampaignPageModel.fieldOf(p), message,
                    () -> deskPage(commune, model));
        }
    }

    private static Integer parseCount(String s) {
        if (!s.matches("\\d{1,6}")) {
            throw new CampaignProblem(ErrorCode.BAD_COUNT, "installs '" + s + "' is not a whole number", "installs");
        }
        return Integer.valueOf(s);
    }

}
