package vn.bluezone.server.campaign.radio;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.registry.AreaFigures;
import vn.bluezone.server.registry.AreaSnapshot;
import vn.bluezone.server.registry.Areas;
import vn.bluezone.server.campaign.CampaignClock;
import vn.bluezone.server.campaign.CampaignProblem;
import vn.bluezone.server.campaign.Fields;

/**
 * Radio and loudspeaker announcements (section 6): templates filled with live figures, a weekly broadcast schedule
 * per commune, and the log of what was aired. Callers check that the official may see the commune; this class
 * checks that what a commune schedules lies inside it.
 */
@Service
public class RadioService {
    /** The schedule's days as the JSON body names them (the console's checkboxes are {@code weekday}). */
    static final String WEEKDAYS = "weekdays";
    private final RadioStore store;
    private final Areas areas;
    private final AreaFigures figures;
    private final CampaignClock clock;

    public RadioService(RadioStore store, Areas areas, AreaFigures figures, CampaignClock clock) {
        this.store = store;
        this.areas = areas;
        this.figures = figures;
        this.clock = clock;
    }

    /** Templates a commune may use: the shipped ones and those written for the commune or an area containing it. */
    public List<RadioTemplate> templatesFor(String communeCode) {
        return store.templates().stream()
                .filter(t -> t.shipped() || areas.contains(t.unitCode(), communeCode))
                .toList();
    }

    @Transactional
    public RadioTemplate addTemplate(String unitCode, String title, String body, String actor) {
        areas.requireName(unitCode);
        String t = Fields.required(title, "title", 200);
        ScriptTemplate.validate(body);
        long id = store.addTemplate(unitCode, t, body.strip(), actor, clock.now());
        return store.template(id).orElseThrow();
    }

    public RadioTemplate template(long id) {
        return store.template(id).orElseThrow(() -> templateNotFound(id));
    }

    /** The answer for a missing template, and for another area's (issue 15 §4). */
    public static CampaignProblem templateNotFound(long id) {
        return new CampaignProblem(ErrorCode.TEMPLATE_NOT_FOUND, "no announcement template " + id);
    }

    /** The answer for a missing slot, and for another commune's. */
    public static CampaignProblem slotNotFound(long id) {
        return new CampaignProblem(ErrorCode.SLOT_NOT_FOUND, "no broadcast slot " + id);
    }

    /** The script of a template filled with {@code subjectUnitCode}'s figures on {@code day}. */
    public String script(long templateId, String subjectUnitCode, LocalDate day) {
        return ScriptTemplate.fill(template(templateId).body(), snapshot(subjectUnitCode, day));
    }

    /**
     * The script of a template that {@code communeCode} may use, filled with {@code subjectUnitCode}'s figures.
     * Another area's template is answered like a missing one (404 {@code TEMPLATE_NOT_FOUND}): the preview used to
     * show any commune's template (issue 15 §4).
     */
    public String scriptFor(String communeCode, long templateId, String subjectUnitCode, LocalDate day) {
        RadioTemplate t = template(templateId);
        if (!t.shipped() && !areas.contains(t.unitCode(), communeCode)) {
            throw templateNotFound(templateId);
        }
        return ScriptTemplate.fill(t.body(), snapshot(subjectUnitCode, day));
    }

    @Transactional
    public RadioSlot addSlot(String communeCode, String subjectUnitCode, long templateId, String weekdays,
            LocalTime airTime, String location, String actor) {
        areas.requireName(communeCode);
        areas.requireName(subjectUnitCode);
        if (!areas.contains(communeCode, subjectUnitCode)) {
            throw new CampaignProblem(ErrorCode.SUBJECT_OUTSIDE_COMMUNE, "unit " + subjectUnitCode
                    + " is not inside commune " + communeCode, "subjectUnitCode");
        }
        RadioTemplate template = store.template(templateId).orElse(null);
        if (template == null || !template.shipped() && !areas.contains(template.unitCode(), communeCode)) {
            // another area's template is answered like a missing one; the request's field names it
            throw new CampaignProblem(ErrorCode.TEMPLATE_NOT_FOUND, templateNotFound(templateId).getMessage(),
                    "templateId");
        }
        if (airTime == null) {
            throw new CampaignProblem(ErrorCode.TIME_REQUIRED, "the broadcast time is required (HH:mm)",
                    "airTime");
        }
        String days = weekdays(weekdays);
        String where = Fields.required(location, "location", 200);
        long id = store.addSlot(communeCode, subjectUnitCode, templateId, days, airTime, where, actor, clock.now());
        return store.slot(id).orElseThrow();
    }

    public RadioSlot slot(long id) {
        return store.slot(id).filter(RadioSlot::active).orElseThrow(() -> slotNotFound(id));
    }

    @Transactional
    public void removeSlot(long id) {
        store.deactivateSlot(slot(id).id());
    }

    public List<RadioSlot> slots(String communeCode) {
        return store.slots(communeCode);
    }

    /** The day's broadcasts in time order, each with its script filled with the subject's figures that day. */
    public List<ScheduledAnnouncement> schedule(String communeCode, LocalDate day) {
        Set<Long> aired = log(communeCode, day, day).stream().filter(a -> a.slotId() != null)
                .map(RadioAiring::slotId).collect(Collectors.toSet());
        List<ScheduledAnnouncement> result = new ArrayList<>();
        for (RadioSlot slot : store.slots(communeCode)) {
            if (!slot.airsOn(day.getDayOfWeek())) {
                continue;
            }
            RadioTemplate template = store.template(slot.templateId()).orElseThrow();
            String subjectName = areas.name(slot.subjectUnitCode()).orElse(slot.subjectUnitCode());
            String script = null;
            String problem = null;
            ErrorCode problemCode = null;
            try {
                script = ScriptTemplate.fill(template.body(), snapshot(slot.subjectUnitCode(), day));
            } catch (CampaignProblem p) {
                problem = p.getMessage();
                problemCode = p.errorCode();
            }
            result.add(new ScheduledAnnouncement(slot, subjectName, template.title(), script, problem, problemCode,
                    aired.contains(slot.id())));
        }
        return result;
    }

    /**
     * Records that a slot was aired. The script is stored as read: {@code scriptAsRead} when the announcer changed
     * it, else the slot's script with the figures of the day it was aired.
     */
    @Transactional
    public RadioAiring recordAiring(long slotId, Instant airedAt, String scriptAsRead, String actor) {
        RadioSlot slot = slot(slotId);
        // Databases keep microseconds; truncating keeps what is stored equal to what was given.
        Instant when = (airedAt == null ? clock.now() : airedAt).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        if (when.isAfter(clock.now().plusSeconds(300))) {
            throw new CampaignProblem(ErrorCode.AIRED_IN_FUTURE, "an announcement cannot be logged before it airs",
                    "airedAt");
        }
        LocalDate day = when.atZone(clock.zone()).toLocalDate();
        String script = scriptAsRead != null && !scriptAsRead.isBlank() ? scriptAsRead.strip()
                : ScriptTemplate.fill(template(slot.templateId()).body(), snapshot(slot.subjectUnitCode(), day));
        if (script.length() > ScriptTemplate.MAX_LENGTH) {
            throw new CampaignProblem(ErrorCode.SCRIPT_TOO_LONG, "the script is longer than "
                    + ScriptTemplate.MAX_LENGTH + " characters", "script");
        }
        long id = store.addAiring(slot.communeCode(), slot.id(), slot.templateId(), slot.subjectUnitCode(),
                slot.location(), when, script, actor, clock.now());
        return store.airing(id).orElseThrow();
    }

    /** Airings between two Vietnamese calendar days, inclusive. */
    public List<RadioAiring> log(String communeCode, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw new CampaignProblem(ErrorCode.BAD_RANGE, "'to' is before 'from'");
        }
        Instant start = ZonedDateTime.of(from.atStartOfDay(), clock.zone()).toInstant();
        Instant end = ZonedDateTime.of(to.plusDays(1).atStartOfDay(), clock.zone()).toInstant();
        return store.airings(communeCode, start, end);
    }

    private AreaSnapshot snapshot(String unitCode, LocalDate day) {
        return figures.snapshot(unitCode, day).orElseThrow(() -> new CampaignProblem(ErrorCode.UNKNOWN_UNIT,
                "no administrative unit or village with code '" + unitCode + "'"));
    }

    /** "1-5", "135", "2,4,6", "1234567" → sorted ISO day digits. */
    static String weekdays(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new CampaignProblem(ErrorCode.WEEKDAYS_REQUIRED, "choose at least one weekday", WEEKDAYS);
        }
        Set<Integer> days = new TreeSet<>();
        String s = spec.replaceAll("[\\s,]", "");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '-' && i > 0 && i + 1 < s.length()) {
                int from = s.charAt(i - 1) - '0';
                int to = s.charAt(i + 1) - '0';
                for (int d = from; d <= to; d++) {
                    days.add(d);
                }
                continue;
            }
            if (c < '1' || c > '7') {
                throw new CampaignProblem(ErrorCode.BAD_WEEKDAYS, "weekdays are digits 1 (Monday) to 7 (Sunday), "
                        + "e.g. 135 or 1-5; got '" + spec + "'", WEEKDAYS);
            }
            days.add(c - '0');
        }
        if (days.isEmpty() || days.stream().anyMatch(d -> d < 1 || d > 7)) {
            throw new CampaignProblem(ErrorCode.BAD_WEEKDAYS, "weekdays are digits 1 (Monday) to 7 (Sunday); got '"
                    + spec + "'", WEEKDAYS);
        }
        return days.stream().map(String::valueOf).collect(Collectors.joining());
    }
}
