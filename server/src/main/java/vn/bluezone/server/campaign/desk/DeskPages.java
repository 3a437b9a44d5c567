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
        page.common(model, o, c);
        LocalDate today = clock.today();
        model.addAttribute("procedures", ProcedureType.values());
        model.addAttribute("perDesk", desk.perDesk(c, today.minusDays(6), today));
        model.addAttribute("perDay", desk.perDeskAndDay(c, today.minusDays(6), today));
        model.addAttribute("manager", MANAGERS.contains(o.role()));
        return "campaign/desk";
    }

    @PostMapping("/console/campaign/desk")
    public String addDesk(@RequestParam String commune, @RequestParam(required = false) String desk,
            @RequestParam(required = false) String procedure, @RequestParam(required = false) Integer installs,
            @RequestParam(required = false) String day, RedirectAttributes flash) {
        Official o = access.require(MANAGERS, commune);
        page.attempt(flash, page.text("campaign.desk.recorded"), () -> this.desk.add(commune, desk, procedure,
                vn.bluezone.server.web.Dates.optional(day, () -> new CampaignProblem(ErrorCode.BAD_DATE,
                        "'" + day + "' is not a day (dd/mm/yyyy)", "day")), installs, o.username()));
        return "redirect:/console/campaign/desk?commune=" + commune;
    }

}
