package vn.bluezone.server.campaign.cohort;

import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.web.ErrorStatus;
import static vn.bluezone.server.campaign.CampaignAccess.COHORT_EXPORTERS;
import static vn.bluezone.server.campaign.CampaignAccess.COHORT_READERS;
import static vn.bluezone.server.campaign.CampaignAccess.COHORT_WRITERS;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.registry.Areas;
import vn.bluezone.server.campaign.CampaignAccess;
import vn.bluezone.server.campaign.CampaignPageModel;
import vn.bluezone.server.campaign.CampaignProblem;
import vn.bluezone.server.web.Dates;
import vn.bluezone.server.console.RefusedForm;

/**
 * People who must install: compliance, the list, verification by install code, and the registration form. A
 * refused registration comes back with everything typed and the message next to the field it concerns (one bad
 * phone number used to wipe eight fields; issue 13, field problem 4).
 */
@Controller
public class CohortPages {
    private final CampaignAccess access;
    private final CampaignPageModel page;
    private final Areas areas;
    private final CohortService cohorts;

    public CohortPages(CampaignAccess access, CampaignPageModel page, Areas areas, CohortService cohorts) {
        this.access = access;
        this.page = page;
        this.areas = areas;
        this.cohorts = cohorts;
    }

    /** What the registration form held. */
    public record PersonForm(String fullName, String phone, String idNumber, String villageCode, String address,
            String cohort, String startDate, String endDate) {
        static PersonForm empty() {
            return new PersonForm("", "", "", "", "", "", "", "");
        }
    }

    @GetMapping("/console/campaign/cohorts")
    public String cohortPage(@RequestParam(required = false) String commune, Model model) {
        Official o = access.require(COHORT_READERS);
        String c = page.commune(o, commune);
        if (c == null) {
            return page.chooseCommune(model, o, "/console/campaign/cohorts", commune);
        }
        page.common(model, o, c);
        model.addAttribute("people", cohorts.list(c, o.username()));
        model.addAttribute("compliance", cohorts.compliance(c));
        model.addAttribute("villages", areas.villagesOf(c));
        model.addAttribute("kinds", CohortKind.values());
        model.addAttribute("writer", COHORT_WRITERS.contains(o.role()));
        model.addAttribute("exporter", COHORT_EXPORTERS.contains(o.role()));
        RefusedForm.blank(model, "personForm", PersonForm.empty());
        RefusedForm.blank(model, "verifyForm", VerifyForm.NONE);
        return "campaign/cohorts";
    }

    @PostMapping("/console/campaign/cohorts")
    public String addPerson(@RequestParam String commune, @RequestParam(required = false) String fullName,
            @RequestParam(required = false) String phone, @RequestParam(required = false) String idNumber,
            @RequestParam(required = false) String villageCode, @RequestParam(required = false) String address,
            @RequestParam(required = false) String cohort, @RequestParam(required = false) String startDate,
            @RequestParam(required = false) String endDate, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        Official o = access.require(COHORT_WRITERS, commune);
        PersonForm form = new PersonForm(fullName, phone, idNumber, villageCode, address, cohort, startDate, endDate);
        try {
            LocalDate start = Dates.optional(startDate, () -> new CampaignProblem(ErrorCode.BAD_DATE,
                    "start date '" + startDate + "' is not a day", "startDate"));
            LocalDate end = Dates.optional(endDate, () -> new CampaignProblem(ErrorCode.BAD_DATE,
                    "end date '" + endDate + "' is not a day", "endDate"));
            cohorts.register(commune, new NewPerson(fullName, phone, idNumber, villageCode, address, cohort, start,
                    end), o.username());
            flash.addFlashAttribute("info", page.text("campaign.cohorts.recorded"));
            return "redirect:/console/campaign/cohorts?commune=" + commune;
        } catch (CampaignProblem p) {
            if (ErrorStatus.isForbidden(p)) {
                throw p;
            }
            model.addAttribute("personForm", form);
            model.addAttribute("fieldErrors", Map.of(CampaignPageModel.fieldOf(p), page.problem(p)));
            String view = cohortPage(commune, model);
            model.addAttribute("error", page.text("campaign.form.refused"));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return view;
        }
    }

    @PostMapping("/console/campaign/cohorts/{id}/verify")
    public String verify(@PathVariable long id, @RequestParam(required = false) String installCode,
            Model model, RedirectAttributes flash) {
        Official o = access.requireRecord(COHORT_WRITERS, () -> cohorts.find(id).communeCode(),
                () -> CohortService.notFound(id));
        String c = cohorts.find(id).communeCode();
        try {
            cohorts.verify(id, installCode, o.username());
            flash.addFlashAttribute("info", page.text("campaign.cohorts.verifiedDone"));
            return "redirect:/console/campaign/cohorts?commune=" + c;
        } catch (CampaignProblem p) {
            return page.refused(model, p, "verifyForm", new VerifyForm(id, installCode), "installCode",
                    () -> cohortPage(c, model));
        }
    }

    /** What a person's verification form held (one per unverified person), to show it again when refused. */
    public record VerifyForm(long personId, String installCode) {
        static final VerifyForm NONE = new VerifyForm(-1, "");
    }
}
