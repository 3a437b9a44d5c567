package vn.bluezone.server.campaign.directive;

import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.web.ErrorStatus;
import static vn.bluezone.server.campaign.CampaignAccess.MANAGERS;
import static vn.bluezone.server.campaign.CampaignAccess.STAFF;
import static vn.bluezone.server.campaign.CampaignAccess.VISITORS;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import vn.bluezone.server.accounts.AreaPicker;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.registry.Areas;
import vn.bluezone.server.campaign.CampaignAccess;
import vn.bluezone.server.campaign.CampaignClock;
import vn.bluezone.server.campaign.CampaignPageModel;
import vn.bluezone.server.campaign.CampaignProblem;
import vn.bluezone.server.console.RefusedForm;

/**
 * Directives and their tasks: the list, the form (refused forms come back filled, the message next to the field), a
 * directive's page, new tasks, progress. The issuing unit is chosen with the {@link AreaPicker} among the units the
 * official may act on (their own fixed), never typed as a code; {@link CampaignAccess} still authorises it.
 */
@Controller
public class DirectivePages {
    private final CampaignAccess access;
    private final CampaignPageModel page;
    private final Areas areas;
    private final CampaignClock clock;
    private final DirectiveService directives;
    private final AreaPicker picker;
    /** The picker's field: its selects post unitProvince, unitDistrict, unitCommune. */
    static final String UNIT = "unit";

    public DirectivePages(CampaignAccess access, CampaignPageModel page, Areas areas, CampaignClock clock,
                          DirectiveService directives, AreaPicker picker) {
        this.picker = picker;
        this.access = access;
        this.page = page;
        this.areas = areas;
        this.clock = clock;
        this.directives = directives;
    }

    /** What a directive form held, to show it again when it was refused. */
    public record DirectiveForm(String unit, String number, String issuedOn, String issuingBody, String subject,
            String text, List<String> taskBody, List<String> taskAssignee, List<String> taskTitle,
            List<String> taskDeadline) {
    }

    @GetMapping("/console/campaign/directives")
    public String directivePage(@RequestParam(required = false) String area, Model model) {
        Official o = access.require(STAFF);
        String a = area != null && !area.isBlank() ? area : CampaignAccess.homeUnit(o);
        if (a != null && !access.maySee(o, a)) {
            throw new CampaignProblem(ErrorCode.OUT_OF_SCOPE, "unit " + a + " is outside your area");
        }
        page.common(model, o, a);
        model.addAttribute("directives", directives.directivesWithin(a));
        model.addAttribute("overdue", directives.overdue(a));
        model.addAttribute("manager", MANAGERS.contains(o.role()));
        model.addAttribute("bodies", TaskBody.values());
        DirectiveForm form = (DirectiveForm) model.getAttribute("form");
        model.addAttribute("picker", picker.view(o, UNIT, form != null && form.unit() != null ? form.unit() : a));
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        return "campaign/directives";
    }

    /** A directive with the tasks it assigns (rows left empty are skipped); all or nothing. */
    @PostMapping("/console/campaign/directives")
    public String addDirective(@RequestParam Map<String, String> params,
            @RequestParam(required = false) String number, @RequestParam(required = false) String issuedOn,
            @RequestParam(required = false) String issuingBody, @RequestParam(required = false) String subject,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) List<String> taskBody,
            @RequestParam(required = false) List<String> taskAssignee,
            @RequestParam(required = false) List<String> taskTitle,
            @RequestParam(required = false) List<String> taskDeadline,
            Model model, RedirectAttributes flash, HttpServletResponse response) {
        String u = picker.chosen(UNIT, params::get);
        DirectiveForm form = new DirectiveForm(u, number, issuedOn, issuingBody, subject, text, orEmpty(taskBody),
                orEmpty(taskAssignee), orEmpty(taskTitle), orEmpty(taskDeadline));
        if (params.containsKey(AreaPicker.PICK)) { // the picker's next level, without JavaScript
            model.addAttribute("form", form);
            return directivePage(null, model);
        }
        Official o = u == null ? access.require(MANAGERS) : access.require(MANAGERS, u);
        List<NewTask> tasks = new ArrayList<>();
        List<Integer> taskRows = new ArrayList<>(); // the form row of each task sent (empty rows are skipped)
        try {
            if (u == null) {
                throw new CampaignProblem(ErrorCode.UNKNOWN_UNIT, "choose the issuing unit", UNIT);
            }
            int rows = Math.max(form.taskTitle().size(), form.taskDeadline().size());
            for (int i = 0; i < rows; i++) {
                String title = at(form.taskTitle(), i);
                String deadline = at(form.taskDeadline(), i);
                if (title.isBlank() && deadline.isBlank()) {
                    continue;
                }
                if (title.isBlank() || deadline.isBlank()) {
                    throw new CampaignProblem(ErrorCode.TASK_INCOMPLETE, "task " + (i + 1)
                            + " needs a title and a deadline", (title.isBlank() ? "taskTitle[" : "taskDeadline[")
                            + i + "]");
                }
                tasks.add(new NewTask(at(form.taskBody(), i), at(form.taskAssignee(), i), title,
                        date(deadline, "taskDeadline[" + i + "]")));
                taskRows.add(i);
            }
            Directive d = directives.create(u, number, date(issuedOn, "issuedOn"), issuingBody, subject, text, tasks,
                    o.username());
            flash.addFlashAttribute("info", page.text("campaign.directives.saved", d.number()));
            return "redirect:/console/campaign/directives/" + d.id();
        } catch (CampaignProblem p) {
            if (ErrorStatus.isForbidden(p)) {
                throw p;
            }
            model.addAttribute("form", form);
            model.addAttribute("fieldErrors", Map.of(directiveFieldOf(p, taskRows), page.problem(p)));
            String view = directivePage(null, model);
            model.addAttribute("error", page.text("campaign.form.refused"));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return view;
        }
    }

    private static final Pattern TASK_FIELD = Pattern.compile("tasks\\[(\\d+)]\\.(\\w+)");

    /**
     * The directive form's field for a refusal: the service names a task's field by its place in the JSON body
     * ({@code tasks[1].deadline}); the form has a title and a deadline input per row ({@code taskDeadline[2]}), the
     * other task refusals go under the tasks.
     */
    static String directiveFieldOf(CampaignProblem p, List<Integer> taskRows) {
        String field = CampaignPageModel.fieldOf(p);
        Matcher m = TASK_FIELD.matcher(field);
        if (!m.matches()) {
            return field;
        }
        int task = Integer.parseInt(m.group(1));
        String row = task < taskRows.size() ? "[" + taskRows.get(task) + "]" : null;
        return switch (m.group(2)) {
            case "title" -> row == null ? "tasks" : "taskTitle" + row;
            case "deadline" -> row == null ? "tasks" : "taskDeadline" + row;
            default -> "tasks";
        };
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? List.of() : l;
    }

    private static String at(List<String> l, int i) {
        return i < l.size() && l.get(i) != null ? l.get(i) : "";
    }

    private static LocalDate date(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return vn.bluezone.server.web.Dates.optional(s, () -> new CampaignProblem(ErrorCode.BAD_DATE,
                "'" + s + "' is not a day (dd/mm/yyyy)", field));
    }

    /** What the task form held, to show it again when refused. */
    public record TaskForm(String body, String assignee, String title, String deadline) {
        static final TaskForm EMPTY = new TaskForm("", "", "", "");
    }

    /** What a task's progress form held (the page has one per task), to show it again when refused. */
    public record ProgressForm(long taskId, String progress, String note) {
        static final ProgressForm NONE = new ProgressForm(-1, "", "");
    }

    @GetMapping("/console/campaign/directives/{id}")
    public String directiveDetail(@PathVariable long id, Model model) {
        Official o = access.requireConcernedRecord(STAFF, () -> directives.directive(id).unitCode(),
                () -> DirectiveService.directiveNotFound(id));
        var d = directives.directive(id);
        page.common(model, o, d.unitCode());
        model.addAttribute("progress", directives.progress(id));
        model.addAttribute("manager", MANAGERS.contains(o.role()) && access.maySee(o, d.unitCode()));
        model.addAttribute("bodies", TaskBody.values());
        model.addAttribute("postable", directives.progress(id).tasks().stream()
                .filter(tp -> TaskPosters.mayPostOn(o, tp.task().body())).map(tp -> tp.task().id())
                .collect(Collectors.toSet()));
        RefusedForm.blank(model, "taskForm", TaskForm.EMPTY);
        RefusedForm.blank(model, "progressForm", ProgressForm.NONE);
        return "campaign/directive";
    }

    @PostMapping("/console/campaign/directives/{id}/tasks")
    public String addTask(@PathVariable long id, @RequestParam(required = false) String body,
            @RequestParam(required = false) String assignee, @RequestParam(required = false) String title,
            @RequestParam(required = false) String deadline, Model model, RedirectAttributes flash) {
        access.requireConcernedRecord(MANAGERS, () -> directives.directive(id).unitCode(),
                () -> DirectiveService.directiveNotFound(id));
        access.require(MANAGERS, directives.directive(id).unitCode());
        try {
            directives.addTask(id, new NewTask(body, assignee, title, date(deadline, "deadline")));
            flash.addFlashAttribute("info", page.text("campaign.directives.taskAdded"));
            return "redirect:/console/campaign/directives/" + id;
        } catch (CampaignProblem p) {
            return page.refused(model, p, "taskForm", new TaskForm(body, assignee, title, deadline),
                    () -> directiveDetail(id, model));
        }
    }

    @PostMapping("/console/campaign/tasks/{id}/updates")
    public String taskUpdate(@PathVariable long id, @RequestParam(required = false) String progress,
            @RequestParam(required = false) String note, Model model, RedirectAttributes flash) {
        access.require(STAFF);
        var t = directives.task(id);
        access.requireConcernedRecord(STAFF, () -> directives.directive(t.directiveId()).unitCode(),
                () -> DirectiveService.taskNotFound(id));
        Official o = TaskPosters.require(access, directives.directive(t.directiveId()).unitCode(), t.body());
        try {
            // Typed as text so that a bad number is refused next to its field, not by a framework error page.
            String typed = progress == null ? "" : progress.strip();
            int percent = typed.matches("\\d{1,3}") ? Integer.parseInt(typed) : -1;
            directives.postUpdate(id, percent, note, o.username());
            flash.addFlashAttribute("info", page.text("campaign.directives.progressPosted"));
            return "redirect:/console/campaign/directives/" + t.directiveId();
        } catch (CampaignProblem p) {
            return page.refused(model, p, "progressForm", new ProgressForm(id, progress, note),
                    () -> directiveDetail(t.directiveId(), model));
        }
    }

}
