package vn.bluezone.server.campaign.web;

import static vn.bluezone.server.campaign.CampaignAccess.COHORT_READERS;
import static vn.bluezone.server.campaign.CampaignAccess.COHORT_WRITERS;
import static vn.bluezone.server.campaign.CampaignAccess.MANAGERS;
import static vn.bluezone.server.campaign.CampaignAccess.STAFF;
import static vn.bluezone.server.campaign.CampaignAccess.VISITORS;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.campaign.directive.Directive;
import vn.bluezone.server.campaign.directive.NewTask;
import vn.bluezone.server.campaign.directive.TaskBody;
import vn.bluezone.server.campaign.household.ImportError;
import vn.bluezone.server.campaign.household.ImportRejected;
import vn.bluezone.server.campaign.radio.Placeholder;
import vn.bluezone.server.campaign.radio.RadioTemplate;
import vn.bluezone.server.web.ApiException;
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
import vn.bluezone.server.campaign.demo.CampaignDemoData;
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
 * The campaign's console pages, scoped like the APIs: a page or form outside the official's role or area is a 403.
 * Texts come from the message bundles ({@code campaign.*} in messages.properties, Vietnamese by default, {@code ?lang=en}
 * switches). A form that succeeds redirects with a message; one that fails validation comes back with the message
 * in the reader's language: small forms through a redirect, the long ones (directive with tasks, CSV import, radio
 * template) rendered again with status 400 and what was typed kept.
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
    private final MessageSource messages;
    private final CampaignDemoData demo;

    public CampaignPages(CampaignAccess access, Areas areas, CampaignClock clock, HouseholdService households,
            CohortService cohorts, PlaceService places, RadioService radio, DirectiveService directives,
            DeskService desk, ReferralService referrals, MessageSource messages, CampaignDemoData demo) {
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
        this.messages = messages;
        this.demo = demo;
    }

    /** What a directive form held, to show it again when it was refused. */
    public record DirectiveForm(String unit, String number, String issuedOn, String issuingBody, String subject,
            String text, List<String> taskBody, List<String> taskAssignee, List<String> taskTitle,
            List<String> taskDeadline) {
    }

    /** What a household form held. */
    public record HouseholdForm(String villageCode, String headName, String address, String members,
            String smartphones) {
    }

    /** A line of the broadcast log, its time in Vietnam. */
    public record LogLine(String when, String location, String script) {
    }

    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private String text(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, LocaleContextHolder.getLocale());
    }

    /** A refusal in the reader's language when the bundle knows its code, else the service's own words. */
    private String problem(ApiException p) {
        return messages.getMessage("campaign.error." + p.code(), null, p.getMessage(),
                LocaleContextHolder.getLocale());
    }

    /** The commune a page shows: the official's own, or the one asked for (in scope) by higher levels. */
    private String commune(Official o, String requested) {
        String c = requested != null && !requested.isBlank() ? requested.trim() : o.areaCode();
        if (c == null) {
            throw CampaignProblem.badRequest(ErrorCode.COMMUNE_REQUIRED, "choose a commune (?commune=GSO code)");
        }
        if (!access.maySee(o, c)) {
            throw CampaignProblem.forbidden(ErrorCode.OUT_OF_SCOPE, "unit " + c + " is outside your area");
        }
        return c;
    }

    private void common(Model model, Official o, String commune) {
        model.addAttribute("official", o);
        model.addAttribute("commune", commune);
        model.addAttribute("communeName", commune == null ? "" : areas.name(commune).orElse(commune));
        model.addAttribute("today", clock.today());
        model.addAttribute("langVi", languageLink("vi"));
        model.addAttribute("langEn", languageLink("en"));
    }

    /** This page in another language; after a refused form (a POST), the campaign's home page. */
    private static String languageLink(String lang) {
        HttpServletRequest req = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        UriComponentsBuilder b = "GET".equals(req.getMethod()) ? ServletUriComponentsBuilder.fromRequest(req)
                : ServletUriComponentsBuilder.fromContextPath(req).path("/console/campaign");
        UriComponents u;
        try {
            u = b.replaceQueryParam("lang", lang).build(true);
        } catch (IllegalArgumentException e) {
            u = b.replaceQuery("lang=" + lang).build(true);
        }
        return u.getPath() + "?" + u.getQuery();
    }

    private String attempt(RedirectAttributes flash, String ok, Runnable action) {
        try {
            action.run();
            flash.addFlashAttribute("info", ok);
        } catch (CampaignProblem p) {
            if (p.status() == HttpStatus.FORBIDDEN) {
                throw p;
            }
            flash.addFlashAttribute("error", problem(p));
        }
        return null;
    }

    private static String refused(HttpServletResponse response, String view) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return view;
    }

    @GetMapping("/console/campaign")
    public String hub(Model model) {
        Official o = access.require(STAFF);
        common(model, o, o.areaCode());
        model.addAttribute("cohorts", COHORT_READERS.contains(o.role()));
        model.addAttribute("manager", MANAGERS.contains(o.role()));
        model.addAttribute("visitor", VISITORS.contains(o.role()));
        model.addAttribute("demo", demo.isLoaded());
        return "campaign/hub";
    }

    // --- Door to door: the volunteer's phone pages, households ---

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
        model.addAttribute("importer", MANAGERS.contains(o.role()));
        return "campaign/visits";
    }

    @PostMapping("/console/campaign/households")
    public String addHousehold(@RequestParam String commune, @RequestParam(required = false) String villageCode,
            @RequestParam(required = false) String headName, @RequestParam(required = false) String address,
            @RequestParam(required = false) String members, @RequestParam(required = false) String smartphones,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        Official o = access.require(VISITORS, commune);
        try {
            Household h = households.add(commune, villageCode, headName, address, count(members),
                    count(smartphones), o.username());
            flash.addFlashAttribute("info", text("campaign.visits.householdAdded", h.headName()));
            return "redirect:/console/campaign/visits?commune=" + commune + "&village=" + h.villageCode();
        } catch (CampaignProblem p) {
            if (p.status() == HttpStatus.FORBIDDEN) {
                throw p;
            }
            String view = visits(commune, villageCode, model);
            model.addAttribute("error", problem(p));
            model.addAttribute("householdForm", new HouseholdForm(villageCode, headName, address, members,
                    smartphones));
            return refused(response, view);
        }
    }

    private static Integer count(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw CampaignProblem.badRequest(ErrorCode.BAD_COUNT, "'" + s + "' is not a whole number");
        }
    }

    /** CSV from a file or pasted; with any bad row nothing is imported and every bad row is listed on the page. */
    @PostMapping("/console/campaign/households/import")
    public String importHouseholds(@RequestParam String commune,
            @RequestParam(value = "file", required = false) MultipartFile file,
            @RequestParam(value = "csv", required = false) String pasted, Model model, RedirectAttributes flash,
            HttpServletResponse response) throws IOException {
        Official o = access.require(MANAGERS, commune);
        try {
            String csv = file != null && !file.isEmpty() ? utf8(file.getBytes()) : pasted;
            int n = households.importCsv(commune, csv, o.username());
            flash.addFlashAttribute("info", text("campaign.visits.imported", n));
            return "redirect:/console/campaign/visits?commune=" + commune;
        } catch (ImportRejected rejected) {
            String view = visits(commune, null, model);
            model.addAttribute("error", text("campaign.visits.importRejected", rejected.errors().size()));
            model.addAttribute("problems", rejected.errors().stream().map(this::rowProblem).toList());
            model.addAttribute("importCsv", pasted);
            return refused(response, view);
        } catch (CampaignProblem p) {
            if (p.status() == HttpStatus.FORBIDDEN) {
                throw p;
            }
            String view = visits(commune, null, model);
            model.addAttribute("error", problem(p));
            model.addAttribute("importCsv", pasted);
            return refused(response, view);
        }
    }

    private String rowProblem(ImportError e) {
        Locale locale = LocaleContextHolder.getLocale();
        String column = messages.getMessage("campaign.import.column." + e.column(), null, e.column(), locale);
        return messages.getMessage("campaign.import.problem." + e.code(),
                new Object[] {e.row(), column, e.value() == null ? "" : e.value()},
                "row " + e.row() + ": " + e.message(), locale);
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw CampaignProblem.badRequest(ErrorCode.IMPORT_UNREADABLE, "the file is not UTF-8 text; save it as CSV UTF-8");
        }
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
            flash.addFlashAttribute("info", text("campaign.visit.recorded", h.headName(), v.installedNow()));
            return "redirect:/console/campaign/visits?commune=" + h.communeCode() + "&village=" + h.villageCode();
        } catch (CampaignProblem p) {
            flash.addFlashAttribute("error", problem(p));
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
        attempt(flash, text("campaign.cohorts.recorded"), () -> cohorts.register(commune, new NewPerson(fullName,
                phone, idNumber, villageCode, address, cohort, startDate, endDate), o.username()));
        return "redirect:/console/campaign/cohorts?commune=" + commune;
    }

    @PostMapping("/console/campaign/cohorts/{id}/verify")
    public String verify(@PathVariable long id, @RequestParam(required = false) String installCode,
            RedirectAttributes flash) {
        String c = cohorts.find(id).communeCode();
        Official o = access.require(COHORT_WRITERS, c);
        attempt(flash, text("campaign.cohorts.verifiedDone"), () -> cohorts.verify(id, installCode, o.username()));
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
        attempt(flash, text("campaign.places.added"), () -> places.create(commune, villageCode, kind, name,
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
        model.addAttribute("log", radio.log(c, d.minusDays(6), d).stream().map(l -> new LogLine(
                LOG_TIME.withZone(clock.zone()).format(l.airedAt()), l.location(), l.script())).toList());
        model.addAttribute("manager", MANAGERS.contains(o.role()));
        model.addAttribute("placeholders", Placeholder.values());
        return "campaign/radio";
    }

    @PostMapping("/console/campaign/radio/templates")
    public String addTemplate(@RequestParam String commune, @RequestParam(required = false) String title,
            @RequestParam(required = false) String body, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        Official o = access.require(MANAGERS, commune);
        try {
            RadioTemplate t = radio.addTemplate(commune, title, body == null ? "" : body, o.username());
            flash.addFlashAttribute("info", text("campaign.radio.templateSaved", t.title()));
            return "redirect:/console/campaign/radio?commune=" + commune;
        } catch (CampaignProblem p) {
            if (p.status() == HttpStatus.FORBIDDEN) {
                throw p;
            }
            String view = radioPage(commune, null, model);
            model.addAttribute("error", problem(p));
            model.addAttribute("templateTitle", title);
            model.addAttribute("templateBody", body);
            return refused(response, view);
        }
    }

    @PostMapping("/console/campaign/radio/slots")
    public String addSlot(@RequestParam String commune, @RequestParam(required = false) String subject,
            @RequestParam(required = false) Long templateId, @RequestParam(required = false) String weekdays,
            @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") java.time.LocalTime airTime,
            @RequestParam(required = false) String location, RedirectAttributes flash) {
        Official o = access.require(MANAGERS, commune);
        attempt(flash, text("campaign.radio.scheduled"), () -> radio.addSlot(commune,
                subject == null || subject.isBlank() ? commune : subject, templateId == null ? -1 : templateId,
                weekdays, airTime, location, o.username()));
        return "redirect:/console/campaign/radio?commune=" + commune;
    }

    @PostMapping("/console/campaign/radio/slots/{id}/aired")
    public String aired(@PathVariable long id, RedirectAttributes flash) {
        String c = radio.slot(id).communeCode();
        Official o = access.require(MANAGERS, c);
        attempt(flash, text("campaign.radio.logged"), () -> radio.recordAiring(id, null, null, o.username()));
        return "redirect:/console/campaign/radio?commune=" + c;
    }

    // --- Directives ---

    @GetMapping("/console/campaign/directives")
    public String directivePage(@RequestParam(required = false) String area, Model model) {
        Official o = access.require(STAFF);
        String a = area != null && !area.isBlank() ? area : CampaignAccess.homeUnit(o);
        if (a != null && !access.maySee(o, a)) {
            throw CampaignProblem.forbidden(ErrorCode.OUT_OF_SCOPE, "unit " + a + " is outside your area");
        }
        common(model, o, a);
        model.addAttribute("directives", directives.directivesWithin(a));
        model.addAttribute("overdue", directives.overdue(a));
        model.addAttribute("manager", MANAGERS.contains(o.role()));
        model.addAttribute("bodies", TaskBody.values());
        return "campaign/directives";
    }

    /** A directive with the tasks it assigns (rows left empty are skipped); all or nothing. */
    @PostMapping("/console/campaign/directives")
    public String addDirective(@RequestParam(required = false) String unit,
            @RequestParam(required = false) String number, @RequestParam(required = false) String issuedOn,
            @RequestParam(required = false) String issuingBody, @RequestParam(required = false) String subject,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) List<String> taskBody,
            @RequestParam(required = false) List<String> taskAssignee,
            @RequestParam(required = false) List<String> taskTitle,
            @RequestParam(required = false) List<String> taskDeadline,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        String u = unit == null || unit.isBlank() ? null : unit.trim();
        Official o = access.require(MANAGERS, u);
        DirectiveForm form = new DirectiveForm(u, number, issuedOn, issuingBody, subject, text, orEmpty(taskBody),
                orEmpty(taskAssignee), orEmpty(taskTitle), orEmpty(taskDeadline));
        try {
            if (u == null) {
                throw CampaignProblem.badRequest(ErrorCode.UNKNOWN_UNIT, "give the issuing unit's code");
            }
            List<NewTask> tasks = new ArrayList<>();
            int rows = Math.max(form.taskTitle().size(), form.taskDeadline().size());
            for (int i = 0; i < rows; i++) {
                String title = at(form.taskTitle(), i);
                String deadline = at(form.taskDeadline(), i);
                if (title.isBlank() && deadline.isBlank()) {
                    continue;
                }
                if (title.isBlank() || deadline.isBlank()) {
                    throw CampaignProblem.badRequest(ErrorCode.TASK_INCOMPLETE, "task " + (i + 1)
                            + " needs a title and a deadline");
                }
                tasks.add(new NewTask(at(form.taskBody(), i), at(form.taskAssignee(), i), title, date(deadline)));
            }
            Directive d = directives.create(u, number, date(issuedOn), issuingBody, subject, text, tasks,
                    o.username());
            flash.addFlashAttribute("info", text("campaign.directives.saved", d.number()));
            return "redirect:/console/campaign/directives/" + d.id();
        } catch (CampaignProblem p) {
            if (p.status() == HttpStatus.FORBIDDEN) {
                throw p;
            }
            String view = directivePage(u, model);
            model.addAttribute("error", problem(p));
            model.addAttribute("form", form);
            return refused(response, view);
        }
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? List.of() : l;
    }

    private static String at(List<String> l, int i) {
        return i < l.size() && l.get(i) != null ? l.get(i) : "";
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw CampaignProblem.badRequest(ErrorCode.BAD_DATE, "'" + s + "' is not a date (yyyy-MM-dd)");
        }
    }

    @GetMapping("/console/campaign/directives/{id}")
    public String directiveDetail(@PathVariable long id, Model model) {
        var d = directives.directive(id);
        Official o = access.requireConcerned(STAFF, d.unitCode());
        common(model, o, d.unitCode());
        model.addAttribute("progress", directives.progress(id));
        model.addAttribute("manager", MANAGERS.contains(o.role()) && access.maySee(o, d.unitCode()));
        model.addAttribute("bodies", TaskBody.values());
        return "campaign/directive";
    }

    @PostMapping("/console/campaign/directives/{id}/tasks")
    public String addTask(@PathVariable long id, @RequestParam(required = false) String body,
            @RequestParam(required = false) String assignee, @RequestParam(required = false) String title,
            @RequestParam(required = false) String deadline, RedirectAttributes flash) {
        access.require(MANAGERS, directives.directive(id).unitCode());
        attempt(flash, text("campaign.directives.taskAdded"), () -> directives.addTask(id,
                new NewTask(body, assignee, title, date(deadline))));
        return "redirect:/console/campaign/directives/" + id;
    }

    @PostMapping("/console/campaign/tasks/{id}/updates")
    public String taskUpdate(@PathVariable long id, @RequestParam(required = false) Integer progress,
            @RequestParam(required = false) String note, RedirectAttributes flash) {
        var t = directives.task(id);
        Official o = access.requireConcerned(STAFF, directives.directive(t.directiveId()).unitCode());
        attempt(flash, text("campaign.directives.progressPosted"), () -> directives.postUpdate(id,
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
        attempt(flash, text("campaign.desk.recorded"), () -> this.desk.add(commune, desk, procedure, day, installs,
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
