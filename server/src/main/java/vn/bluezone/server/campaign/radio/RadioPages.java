package vn.bluezone.server.campaign.radio;

import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.web.ErrorStatus;
import static vn.bluezone.server.campaign.CampaignAccess.MANAGERS;
import static vn.bluezone.server.campaign.CampaignAccess.STAFF;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
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
import vn.bluezone.server.campaign.CampaignClock;
import vn.bluezone.server.campaign.CampaignPageModel;
import vn.bluezone.server.campaign.CampaignProblem;

/**
 * The radio page: today's schedule with scripts, the broadcast log, templates, and the schedule form. Weekdays are
 * checkboxes labelled the Vietnamese way (Thứ 2 … Thứ 7, Chủ nhật): a number field "1 = Thứ Hai" made officials
 * type "2-6" for Monday to Friday and air Tuesday to Saturday (issue 13, field problem 2).
 */
@Controller
public class RadioPages {
    private final CampaignAccess access;
    private final CampaignPageModel page;
    private final Areas areas;
    private final CampaignClock clock;
    private final RadioService radio;

    public RadioPages(CampaignAccess access, CampaignPageModel page, Areas areas, CampaignClock clock,
            RadioService radio) {
        this.access = access;
        this.page = page;
        this.areas = areas;
        this.clock = clock;
        this.radio = radio;
    }

    /** A line of the broadcast log. */
    public record LogLine(java.time.Instant when, String location, String script) {
    }

    /** What the schedule form held, to show it again when refused. */
    public record SlotForm(Long templateId, String subject, List<Integer> weekdays, String airTime, String location) {
        public boolean has(int day) {
            return weekdays.contains(day);
        }
    }

    @GetMapping("/console/campaign/radio")
    public String radioPage(@RequestParam(required = false) String commune,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            Model model) {
        Official o = access.require(STAFF);
        String c = page.commune(o, commune);
        if (c == null) {
            return page.chooseCommune(model, o, "/console/campaign/radio", commune);
        }
        page.common(model, o, c);
        LocalDate d = day == null ? clock.today() : day;
        model.addAttribute("day", d);
        model.addAttribute("schedule", radio.schedule(c, d));
        model.addAttribute("slots", radio.slots(c));
        model.addAttribute("templates", radio.templatesFor(c));
        model.addAttribute("villages", areas.villagesOf(c));
        model.addAttribute("log", radio.log(c, d.minusDays(6), d).stream().map(l -> new LogLine(l.airedAt(),
                l.location(), l.script())).toList());
        model.addAttribute("manager", MANAGERS.contains(o.role()));
        model.addAttribute("placeholders", Placeholder.values());
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", java.util.Map.of());
        }
        if (!model.containsAttribute("slotForm")) {
            model.addAttribute("slotForm", new SlotForm(null, c, List.of(1, 2, 3, 4, 5), "06:00", ""));
        }
        return "campaign/radio";
    }

    @PostMapping("/console/campaign/radio/templates")
    public String addTemplate(@RequestParam String commune, @RequestParam(required = false) String title,
            @RequestParam(required = false) String body, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        Official o = access.require(MANAGERS, commune);
        try {
            RadioTemplate t = radio.addTemplate(commune, title, body == null ? "" : body, o.username());
            flash.addFlashAttribute("info", page.text("campaign.radio.templateSaved", t.title()));
            return "redirect:/console/campaign/radio?commune=" + commune;
        } catch (CampaignProblem p) {
            if (ErrorStatus.isForbidden(p)) {
                throw p;
            }
            String view = radioPage(commune, null, model);
            model.addAttribute("error", page.text("campaign.form.refused"));
            model.addAttribute("fieldErrors", java.util.Map.of(templateFieldOf(p), page.problem(p)));
            model.addAttribute("templateTitle", title);
            model.addAttribute("templateBody", body);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return view;
        }
    }

    /** {@code weekday} holds ISO day numbers (1 = Monday) from the checkboxes labelled Thứ 2 … Chủ nhật. */
    @PostMapping("/console/campaign/radio/slots")
    public String addSlot(@RequestParam String commune, @RequestParam(required = false) String subject,
            @RequestParam(required = false) Long templateId,
            @RequestParam(name = "weekday", required = false) List<Integer> weekday,
            @RequestParam(required = false) String airTime, @RequestParam(required = false) String location,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        Official o = access.require(MANAGERS, commune);
        List<Integer> days = weekday == null ? List.of() : weekday;
        try {
            String spec = days.stream().map(String::valueOf).collect(Collectors.joining());
            radio.addSlot(commune, subject == null || subject.isBlank() ? commune : subject,
                    templateId == null ? -1 : templateId, spec, time(airTime), location, o.username());
            flash.addFlashAttribute("info", page.text("campaign.radio.scheduled"));
            return "redirect:/console/campaign/radio?commune=" + commune;
        } catch (CampaignProblem p) {
            if (ErrorStatus.isForbidden(p)) {
                throw p;
            }
            model.addAttribute("slotForm", new SlotForm(templateId, subject, days, airTime, location));
            String view = radioPage(commune, null, model);
            model.addAttribute("error", page.text("campaign.form.refused"));
            model.addAttribute("fieldErrors", java.util.Map.of(slotFieldOf(p), page.problem(p)));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return view;
        }
    }

    /** The template form's field a refusal names; anything else is about the script, shown under it. */
    static String templateFieldOf(CampaignProblem p) {
        return p.field() != null ? p.field() : ScriptTemplate.BODY;
    }

    /** The schedule form's field a refusal names: the JSON body's names where the form's inputs differ. */
    static String slotFieldOf(CampaignProblem p) {
        String field = CampaignPageModel.fieldOf(p);
        return switch (field) {
            case "subjectUnitCode" -> "subject";
            case RadioService.WEEKDAYS -> "weekday";
            default -> field;
        };
    }

    private static LocalTime time(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return vn.bluezone.server.web.Times.parse(s).orElseThrow(() -> new CampaignProblem(
                ErrorCode.TIME_REQUIRED, "'" + s + "' is not a time (HH:mm)", "airTime"));
    }

    @PostMapping("/console/campaign/radio/slots/{id}/aired")
    public String aired(@PathVariable long id, RedirectAttributes flash) {
        Official o = access.requireRecord(MANAGERS, () -> radio.slot(id).communeCode(),
                () -> RadioService.slotNotFound(id));
        String c = radio.slot(id).communeCode();
        page.attempt(flash, page.text("campaign.radio.logged"), () -> radio.recordAiring(id, null, null,
                o.username()));
        return "redirect:/console/campaign/radio?commune=" + c;
    }
}
