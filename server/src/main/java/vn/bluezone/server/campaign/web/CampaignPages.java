package vn.bluezone.server.campaign.web;

import static vn.bluezone.server.campaign.CampaignAccess.COHORT_READERS;
import static vn.bluezone.server.campaign.CampaignAccess.COHORT_WRITERS;
import static vn.bluezone.server.campaign.CampaignAccess.MANAGERS;
import static vn.bluezone.server.campaign.CampaignAccess.STAFF;
import static vn.bluezone.server.campaign.CampaignAccess.VISITORS;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.campaign.Areas;
import vn.bluezone.server.campaign.CampaignAccess;
import vn.bluezone.server.campaign.CampaignClock;
import vn.bluezone.server.campaign.CampaignProblem;
import vn.bluezone.server.campaign.cohort.CohortKind;
import vn.bluezone.server.campaign.cohort.CohortService;
import vn.bluezone.server.campaign.cohort.NewPerson;
import vn.bluezone.server.campaign.desk.DeskService;
import vn.bluezone.server.campaign.desk.ProcedureType;
import vn.bluezone.server.campaign.directive.DirectiveService;
import vn.bluezone.server.campaign.household.Household;
import vn.bluezone.server.campaign.household.HouseholdService;
import vn.bluezone.server.campaign.household.NewVisit;
import vn.bluezone.server.campaign.household.Visit;
import vn.bluezone.server.campaign.place.PlaceKind;
import vn.bluezone.server.campaign.place.PlaceService;
import vn.bluezone.server.campaign.radio.RadioService;
import vn.bluezone.server.campaign.referral.ReferralService;

/**
 * The campaign's console pages, scoped like the APIs: a page outside the official's role or area is a 403. Forms
 * that fail validation come back with the error message instead of the saved record.
 */
@Controller
public class CampaignPages {
    private final CampaignAccess access;
    private final Areas areas;
    private final CampaignClock clock;
    private final HouseholdService households;
    private final CohortService cohorts;
    private final PlaceService places;
    private final RadioService radio;
    private final DirectiveService directives;
    private final DeskService desk;
    private final ReferralService referrals;

    public CampaignPages(CampaignAccess access, Areas areas, CampaignClock clock, HouseholdService households,
            CohortService cohorts, PlaceService places, RadioService radio, DirectiveService directives,
            DeskService desk, ReferralService referrals) {
        this.access = access;
        this.areas = areas;
        this.clock = clock;
        this.households = households;
        this.cohorts = cohorts;
        this.places = places;
        this.radio = radio;
        this.directives = directives;
        this.desk = desk;
        this.referrals = referrals;
    }

    /** The commune a page shows: the official's own, or the one asked for (in scope) by higher levels. */
    private String commune(Official o, String requested) {
        String c = requested != null && !requested.isBlank() ? requested.trim() : o.areaCode();
        if (c == null) {
            throw CampaignProblem.badRequest("COMMUNE_REQUIRED", "choose a commune (?commune=GSO code)");
        }
        if (!access.maySee(o, c)) {
            throw CampaignProblem.forbidden("OUT_OF_SCOPE", "unit " + c + " is outside your area");
        }
        return c;
    }

    private void common(Model model, Official o, String commune) {
        model.addAttribute("official", o);
        model.addAttribute("commune", commune);
        model.addAttribute("communeName", commune == null ? "" : areas.name(commune).orElse(commune));
        model.addAttribute("today", clock.today());
    }

    private static String attempt(RedirectAttributes flash, String ok, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("info", ok);
        } catch (CampaignProblem p) {
            flash.addFlashAttribute("error", p.getMessage());
        }
        return null;
    }

    @GetMapping("/console/campaign")
    public String hub(Model model) {
        Official o = access.require(STAFF);
        common(model, o, o.areaCode());
        model.addAttribute("cohorts", COHORT_READERS.contains(o.role()));
        model.addAttribute("manager", MANAGERS.contains(o.role()));
        model.addAttribute("visitor", VISITORS.contains(o.role()));
        return "campaign/hub";
    }

    // --- Door to door: the volunteer's phone pages ---

    @GetMapping("/console/campaign/visits")
    public String visits(@RequestParam(required = false) String commune, @RequestParam(required = false) String village,
            Model model) {
        Official o = access.require(VISITORS);
        String c = commune(o, commune);
        common(model, o, c);
        Map<String, String> villages = areas.villagesOf(c);
        String v = village != null && villages.containsKey(village) ? village
                : villages.keySet().stream().findFirst().orElse(null);
        model.addAttribute("villages", villages);
        model.addAttribute("village", v);
        List<Household> list = v == null ? List.of() : households.inVillage(v);
        Set<Long> notVisited = households.notVisited(c, v).stream().map(Household::id).collect(Collectors.toSet());
        model.addAttribute("households", list);
        model.addAttribute("notVisited", notVisited);
        model.addAttribute("progress", households.byVillage(c));
        return "campaign/visits";
    }

    @GetMapping("/console/campaign/visits/{id}")
    public String visitForm(@PathVariable long id, Model model) {
        Household h = households.household(id);
        Official o = access.require(VISITORS, h.villageCode());
        common(model, o, h.communeCode());
        model.addAttribute("household", h);
        model.addAttribute("villageName", areas.name(h.villageCode()).orElse(h.villageCode()));
        model.addAttribute("previous", households.visits(id));
        return "campaign/visit-form";
    }

    @PostMapping("/console/campaign/visits/{id}")
    public String recordVisit(@PathVariable long id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn,
            @RequestParam(required = false) String branch, @RequestParam(required = false) Integer smartphonesPresent,
            @RequestParam(required = false) Integer alreadyInstalled, @RequestParam(required = false) Integer installedNow,
            @RequestParam(required = false) Integer refused, @RequestParam(required = false) String refusalReason,
            @RequestParam(required = false) String note, RedirectAttributes flash) {
        Household h = households.household(id);
        Official o = access.require(VISITORS, h.villageCode());
        try {
            Visit v = households.recordVisit(id, new NewVisit(visitedOn, branch, smartphonesPresent, alreadyInstalled,
                    installedNow, refused, refusalReason, note), o.username());
            flash.addFlashAttribute("info", "Đã ghi nhận lần thăm hộ " + h.headName() + " (" + v.installedNow()
                    + " máy cài mới). / Visit recorded.");
            return "redirect:/console/campaign/visits?commune=" + h.communeCode() + "&village=" + h.villageCode();
        } catch (CampaignProblem p) {
            flash.addFlashAttribute("error", p.getMessage());
            return "redirect:/console/campaign/visits/" + id;
        }
    }

    // --- People who must install ---

    @GetMapping("/console/campaign/cohorts")
    public String cohortPage(@RequestParam(required = false) String commune, Model model) {
        Official o = access.require(COHORT_READERS);
        String c = commune(o, commune);
        common(model, o, c);
        model.addAttribute("people", cohorts.list(c, o.username()));
        model.addAttribute("compliance", cohorts.compliance(c));
        model.addAttribute("villages", areas.villagesOf(c));
        model.addAttribute("kinds", CohortKind.values());
        model.addAttribute("writer", COHORT_WRITERS.contains(o.role()));
        return "campaign/cohorts";
    }

    @PostMapping("/console/campaign/cohorts")
    public String addPerson(@RequestParam String commune, @RequestParam(required = false) String fullName,
            @RequestParam(required = false) String phone, @RequestParam(required = false) String idNumber,
            @RequestParam(required = false) String villageCode, @RequestParam(required = false) String address,
            @RequestParam(required = false) String cohort,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startDate,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endDate,
            RedirectAttributes flash) {
        Official o = access.require(COHORT_WRITERS, commune);
        attempt(flash, "Đã ghi nhận. / Recorded.", () -> cohorts.register(commune, new NewPerson(fullName, phone,
                idNumber, villageCode, address, cohort, startDate, endDate), o.username()));
        return "redirect:/console/campaign/cohorts?commune=" + commune;
    }

    @PostMapping("/console/campaign/cohorts/{id}/verify")
    public String verify(@PathVariable long id, @RequestParam(required = false) String installCode,
            RedirectAttributes flash) {
        String c = cohorts.find(id).communeCode();
        Official o = access.require(COHORT_WRITERS, c);
        attempt(flash, "Đã xác minh cài đặt. / Install verified.", () -> cohorts.verify(id, installCode,
                o.username()));
        return "redirect:/console/campaign/cohorts?commune=" + c;
    }

    // --- Places, posters ---

    @GetMapping("/console/campaign/places")
    public String placePage(@RequestParam(required = false) String commune, Model model) {
        Official o = access.require(STAFF);
        String c = commune(o, commune);
        common(model, o, c);
        model.addAttribute("rows", places.table(c));
        model.addAttribute("villages", areas.villagesOf(c));
        model.addAttribute("kinds", PlaceKind.values());
        model.addAttribute("manager", MANAGERS.contains(o.role()));
        return "campaign/places";
    }

    @PostMapping("/console/campaign/places")
    public String addPlace(@RequestParam String commune, @RequestParam(required = false) String villageCode,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String name,
            @RequestParam(required = false) String contact, RedirectAttributes flash) {
        Official o = access.require(MANAGERS, commune);
        attempt(flash, "Đã thêm địa điểm. / Place added.", () -> places.create(commune, villageCode, kind, name,
                contact, o.username()));
        return "redirect:/console/campaign/places?commune=" + commune;
    }

    // --- Radio ---

    @GetMapping("/console/campaign/radio")
    public String radioPage(@RequestParam(required = false) String commune,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            Model model) {
        Official o = access.require(STAFF);
        String c = commune(o, commune);
        common(model, o, c);
        LocalDate d = day == null ? clock.today() : day;
        model.addAttribute("day", d);
        model.addAttribute("schedule", radio.schedule(c, d));
        model.addAttribute("templates", radio.templatesFor(c));
        model.addAttribute("villages", areas.villagesOf(c));
        model.addAttribute("log", radio.log(c, d.minusDays(6), d));
        model.addAttribute("manager", MANAGERS.contains(o.role()));
        return "campaign/radio";
    }

    @PostMapping("/console/campaign/radio/slots")
    public String addSlot(@RequestParam String commune, @RequestParam(required = false) String subject,
            @RequestParam(required = false) Long templateId, @RequestParam(required = false) String weekdays,
            @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") java.time.LocalTime airTime,
            @RequestParam(required = false) String location, RedirectAttributes flash) {
        Official o = access.require(MANAGERS, commune);
        attempt(flash, "Đã thêm vào lịch. / Added to the schedule.", () -> radio.addSlot(commune,
                subject == null || subject.isBlank() ? commune : subject, templateId == null ? -1 : templateId,
                weekdays, airTime, location, o.username()));
        return "redirect:/console/campaign/radio?commune=" + commune;
    }

    @PostMapping("/console/campaign/radio/slots/{id}/aired")
    public String aired(@PathVariable long id, RedirectAttributes flash) {
        String c = radio.slot(id).communeCode();
        Official o = access.require(MANAGERS, c);
        attempt(flash, "Đã ghi vào nhật ký phát thanh. / Logged.", () -> radio.recordAiring(id, null, null,
                o.username()));
        return "redirect:/console/campaign/radio?commune=" + c;
    }

    // --- Directives ---

    @GetMapping("/console/campaign/directives")
    public String directivePage(@RequestParam(required = false) String area, Model model) {
        Official o = access.require(STAFF);
        String a = area != null && !area.isBlank() ? area : CampaignAccess.homeUnit(o);
        if (a != null && !access.maySee(o, a)) {
            throw CampaignProblem.forbidden("OUT_OF_SCOPE", "unit " + a + " is outside your area");
        }
        common(model, o, a);
        model.addAttribute("directives", directives.directivesWithin(a));
        model.addAttribute("overdue", directives.overdue(a));
        return "campaign/directives";
    }

    @GetMapping("/console/campaign/directives/{id}")
    public String directiveDetail(@PathVariable long id, Model model) {
        var d = directives.directive(id);
        Official o = access.requireConcerned(STAFF, d.unitCode());
        common(model, o, d.unitCode());
        model.addAttribute("progress", directives.progress(id));
        return "campaign/directive";
    }

    @PostMapping("/console/campaign/tasks/{id}/updates")
    public String taskUpdate(@PathVariable long id, @RequestParam(required = false) Integer progress,
            @RequestParam(required = false) String note, RedirectAttributes flash) {
        var t = directives.task(id);
        Official o = access.requireConcerned(STAFF, directives.directive(t.directiveId()).unitCode());
        attempt(flash, "Đã cập nhật tiến độ. / Progress posted.", () -> directives.postUpdate(id,
                progress == null ? -1 : progress, note, o.username()));
        return "redirect:/console/campaign/directives/" + t.directiveId();
    }

    // --- One-stop desk and referrals ---

    @GetMapping("/console/campaign/desk")
    public String deskPage(@RequestParam(required = false) String commune, Model model) {
        Official o = access.require(STAFF);
        String c = commune(o, commune);
        common(model, o, c);
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
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            RedirectAttributes flash) {
        Official o = access.require(MANAGERS, commune);
        attempt(flash, "Đã ghi nhận. / Recorded.", () -> this.desk.add(commune, desk, procedure, day, installs,
                o.username()));
        return "redirect:/console/campaign/desk?commune=" + commune;
    }

    @GetMapping("/console/campaign/referrals")
    public String referralPage(@RequestParam(required = false) String commune, Model model) {
        Official o = access.require(STAFF);
        String c = commune(o, commune);
        common(model, o, c);
        model.addAttribute("leaderboard", referrals.leaderboard(c));
        model.addAttribute("byVillage", referrals.byVillage(c));
        model.addAttribute("byOrganisation", referrals.byOrganisation(c));
        return "campaign/referrals";
    }
}
