package vn.bluezone.server.campaign.household;

import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.web.ErrorStatus;
import static vn.bluezone.server.campaign.CampaignAccess.MANAGERS;
import static vn.bluezone.server.campaign.CampaignAccess.VISITORS;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.registry.Areas;
import vn.bluezone.server.campaign.CampaignAccess;
import vn.bluezone.server.campaign.CampaignPageModel;
import vn.bluezone.server.campaign.CampaignProblem;
import vn.bluezone.server.console.RefusedForm;

/**
 * Door to door, the volunteer's phone pages: households of a village (not visited first), adding a household, CSV
 * import, and the visit form. A refused visit or household comes back with what was typed (issue 13, problem 4).
 */
@Controller
public class HouseholdPages {
    private final CampaignAccess access;
    private final CampaignPageModel page;
    private final Areas areas;
    private final HouseholdService households;
    private final MessageSource messages;
    private final HouseholdReads reads;

    public HouseholdPages(HouseholdReads reads, CampaignAccess access, CampaignPageModel page, Areas areas,
            HouseholdService households,
            MessageSource messages) {
        this.reads = reads;
        this.access = access;
        this.page = page;
        this.areas = areas;
        this.households = households;
        this.messages = messages;
    }

    /** What a household form held. */
    public record HouseholdForm(String villageCode, String headName, String address, String members,
            String smartphones) {
    }

    // --- Door to door: the volunteer's phone pages, households ---

    @GetMapping("/console/campaign/visits")
    public String visits(@RequestParam(required = false) String commune, @RequestParam(required = false) String village,
            Model model) {
        Official o = access.require(VISITORS);
        String c = page.commune(o, commune);
        if (c == null) {
            return page.chooseCommune(model, o, "/console/campaign/visits", commune);
        }
        page.common(model, o, c);
        Map<String, String> villages = areas.villagesOf(c);
        String v = village != null && villages.containsKey(village) ? village
                : villages.keySet().stream().findFirst().orElse(null);
        model.addAttribute("villages", villages);
        model.addAttribute("village", v);
        List<Household> list = v == null ? List.of() : households.inVillage(v);
        reads.read(o, v, list); // names and addresses shown: audited (issue 15 §4)
        Set<Long> notVisited = households.notVisited(c, v).stream().map(Household::id).collect(Collectors.toSet());
        model.addAttribute("households", list);
        model.addAttribute("notVisited", notVisited);
        model.addAttribute("notVisitedCount", notVisited.size());
        model.addAttribute("nobodyHome", households.nobodyHome(c));
        model.addAttribute("progress", households.byVillage(c));
        model.addAttribute("importer", MANAGERS.contains(o.role()));
        return "campaign/visits";
    }

    @PostMapping("/console/campaign/households")
    public String addHousehold(@RequestParam String commune, @RequestParam(required = false) String villageCode,
            @RequestParam(required = false) String headName, @RequestParam(required = false) String address,
            @RequestParam(required = false) String members, @RequestParam(required = false) String smartphones,
            Model model, RedirectAttributes flash) {
        Official o = access.require(VISITORS, commune);
        try {
            Household h = households.add(commune, villageCode, headName, address, count(members, "members"),
                    count(smartphones, "smartphones"), o.username());
            flash.addFlashAttribute("info", page.text("campaign.visits.householdAdded", h.headName()));
            return "redirect:/console/campaign/visits?commune=" + commune + "&village=" + h.villageCode();
        } catch (CampaignProblem p) {
            return page.refused(model, p, "householdForm", new HouseholdForm(villageCode, headName, address, members,
                    smartphones), () -> visits(commune, villageCode, model));
        }
    }

    private static Integer count(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw new CampaignProblem(ErrorCode.BAD_COUNT, "'" + s + "' is not a whole number", field);
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
            flash.addFlashAttribute("info", page.text("campaign.visits.imported", n));
            return "redirect:/console/campaign/visits?commune=" + commune;
        } catch (ImportRejected rejected) {
            String view = visits(commune, null, model);
            model.addAttribute("error", page.text("campaign.visits.importRejected", rejected.errors().size()));
            model.addAttribute("problems", rejected.errors().stream().map(this::rowProblem).toList());
            model.addAttribute("importCsv", pasted);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return view;
        } catch (CampaignProblem p) {
            if (ErrorStatus.isForbidden(p)) {
                throw p;
            }
            String view = visits(commune, null, model);
            model.addAttribute("error", page.problem(p));
            model.addAttribute("importCsv", pasted);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return view;
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
            throw new CampaignProblem(ErrorCode.IMPORT_UNREADABLE, "the file is not UTF-8 text; save it as CSV UTF-8");
        }
    }

    @GetMapping("/console/campaign/visits/{id}")
    public String visitForm(@PathVariable long id, Model model) {
        Official o = access.requireRecord(VISITORS, () -> households.household(id).villageCode(),
                () -> HouseholdService.notFound(id));
        Household h = households.household(id);
        reads.read(o, "household " + id, List.of(h));
        page.common(model, o, h.communeCode());
        model.addAttribute("household", h);
        model.addAttribute("villageName", areas.name(h.villageCode()).orElse(h.villageCode()));
        model.addAttribute("previous", households.visits(id));
        RefusedForm.blank(model, "visitForm", new VisitForm("", "", String.valueOf(h.smartphones()), "0",
                "0", "0", "", ""));
        return "campaign/visit-form";
    }

    /** Nobody opened: the attempt is recorded, the household stays on the list. */
    @PostMapping("/console/campaign/visits/{id}/nobody-home")
    public String nobodyHome(@PathVariable long id, @RequestParam(required = false) String branch,
            RedirectAttributes flash) {
        Official o = access.requireRecord(VISITORS, () -> households.household(id).villageCode(),
                () -> HouseholdService.notFound(id));
        Household h = households.household(id);
        page.attempt(flash, page.text("campaign.visit.nobodyHomeRecorded", h.headName()),
                () -> households.recordVisit(id, NewVisit.nobodyHome(null, branch, null), o.username()));
        return "redirect:/console/campaign/visits?commune=" + h.communeCode() + "&village=" + h.villageCode();
    }

    /** What the visit form held, to show it again when refused (a visit used to lose its counts). */
    public record VisitForm(String visitedOn, String branch, String smartphonesPresent, String alreadyInstalled,
            String installedNow, String refused, String refusalReason, String note) {
    }

    @PostMapping("/console/campaign/visits/{id}")
    public String recordVisit(@PathVariable long id, @RequestParam(required = false) String visitedOn,
            @RequestParam(required = false) String branch, @RequestParam(required = false) String smartphonesPresent,
            @RequestParam(required = false) String alreadyInstalled,
            @RequestParam(required = false) String installedNow, @RequestParam(required = false) String refused,
            @RequestParam(required = false) String refusalReason, @RequestParam(required = false) String note,
            Model model, RedirectAttributes flash) {
        Official o = access.requireRecord(VISITORS, () -> households.household(id).villageCode(),
                () -> HouseholdService.notFound(id));
        Household h = households.household(id);
        VisitForm form = new VisitForm(visitedOn, branch, smartphonesPresent, alreadyInstalled, installedNow, refused,
                refusalReason, note);
        try {
            LocalDate day = vn.bluezone.server.web.Dates.optional(visitedOn, () -> new CampaignProblem(
                    ErrorCode.BAD_DATE, "'" + visitedOn + "' is not a day", "visitedOn"));
            Visit v = households.recordVisit(id, new NewVisit(day, branch, count(smartphonesPresent,
                    "smartphonesPresent"), count(alreadyInstalled, "alreadyInstalled"),
                    count(installedNow, "installedNow"), count(refused, "refused"), refusalReason, note),
                    o.username());
            flash.addFlashAttribute("info", page.text("campaign.visit.recorded", h.headName(), v.installedNow()));
            return "redirect:/console/campaign/visits?commune=" + h.communeCode() + "&village=" + h.villageCode();
        } catch (CampaignProblem p) {
            return page.refused(model, p, "visitForm", form, () -> visitForm(id, model));
        }
    }

    /** A visit from the phone's offline queue (JSON, the session's CSRF token in a header). */
    public record QueuedVisit(String clientRef, String visitedOn, String branch, Integer smartphonesPresent,
            Integer alreadyInstalled, Integer installedNow, Integer refused, String refusalReason, String note,
            Boolean nobodyHome) {
    }

    /**
     * Answers {@code {"status":"recorded","visitId":N}} (also for a reference already stored: the phone resends
     * when it missed the answer), or 400 {@code {"error","message"}} in the reader's language, which the phone
     * keeps to show instead of retrying.
     */
    @PostMapping(value = "/console/campaign/visits/{id}/queued", consumes = "application/json",
            produces = "application/json")
    @org.springframework.web.bind.annotation.ResponseBody
    public org.springframework.http.ResponseEntity<Map<String, Object>> queuedVisit(@PathVariable long id,
            @org.springframework.web.bind.annotation.RequestBody QueuedVisit q) {
        Official o = access.requireRecord(VISITORS, () -> households.household(id).villageCode(),
                () -> HouseholdService.notFound(id));
        Household h = households.household(id);
        try {
            LocalDate day = vn.bluezone.server.web.Dates.optional(q.visitedOn(), () -> new CampaignProblem(
                    ErrorCode.BAD_DATE, "'" + q.visitedOn() + "' is not a day", "visitedOn"));
            NewVisit visit = Boolean.TRUE.equals(q.nobodyHome()) ? NewVisit.nobodyHome(day, q.branch(), q.note())
                    : new NewVisit(day, q.branch(), q.smartphonesPresent(), q.alreadyInstalled(), q.installedNow(),
                    q.refused(), q.refusalReason(), q.note());
            Visit v = households.recordVisit(id, visit, o.username(), q.clientRef());
            return org.springframework.http.ResponseEntity.ok(Map.of("status", "recorded", "visitId", v.id()));
        } catch (CampaignProblem p) {
            if (ErrorStatus.isForbidden(p)) {
                throw p;
            }
            return org.springframework.http.ResponseEntity.status(ErrorStatus.of(p)).body(Map.of("error", p.code(),
                    "message", page.problem(p)));
        }
    }

    /** The service worker, served from here so that its scope covers the campaign pages. */
    @GetMapping(value = "/console/campaign/sw.js", produces = "text/javascript")
    @org.springframework.web.bind.annotation.ResponseBody
    public org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> serviceWorker() {
        return org.springframework.http.ResponseEntity.ok().header("Cache-Control", "no-cache")
                .body(new org.springframework.core.io.ClassPathResource("campaign/visits-sw.js"));
    }
}
