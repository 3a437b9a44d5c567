package vn.bluezone.server.campaign.directive;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.bluezone.api.ErrorCode;
import vn.bluezone.server.registry.Areas;
import vn.bluezone.server.campaign.CampaignClock;
import vn.bluezone.server.campaign.CampaignProblem;
import vn.bluezone.server.campaign.Fields;

/**
 * Directives and the tasks they assign (section 7): record a directive with its tasks, bodies post progress, an
 * overdue list per area. Callers check that the official may see the directive's unit.
 */
@Service
public class DirectiveService {
    private final DirectiveStore store;
    private final Areas areas;
    private final CampaignClock clock;

    public DirectiveService(DirectiveStore store, Areas areas, CampaignClock clock) {
        this.store = store;
        this.areas = areas;
        this.clock = clock;
    }

    @Transactional
    public Directive create(String unitCode, String number, LocalDate issuedOn, String issuingBody, String subject,
            String text, List<NewTask> tasks, String actor) {
        areas.requireName(unitCode);
        String num = Fields.required(number, "number", 64);
        if (issuedOn == null) {
            throw new CampaignProblem(ErrorCode.FIELD_REQUIRED, "issuedOn is required", "issuedOn");
        }
        if (issuedOn.isAfter(clock.today())) {
            throw new CampaignProblem(ErrorCode.ISSUED_IN_FUTURE, "the issue date " + issuedOn + " is in the future",
                    "issuedOn");
        }
        String issuer = Fields.required(issuingBody, "issuingBody", 200);
        String subj = Fields.required(subject, "subject", 500);
        String body = Fields.optional(text, "text", 20000);
        if (store.numberTaken(unitCode, num)) {
            throw new CampaignProblem(ErrorCode.DIRECTIVE_NUMBER_TAKEN, "directive " + num + " is already recorded "
                    + "for this unit", "number");
        }
        long id = store.addDirective(unitCode, num, issuedOn, issuer, subj, body == null ? "" : body, actor,
                clock.now());
        List<NewTask> list = tasks == null ? List.of() : tasks;
        for (int i = 0; i < list.size(); i++) {
            try {
                addTask(id, list.get(i));
            } catch (CampaignProblem p) {
                throw p.field() == null ? p : new CampaignProblem(p.errorCode(), p.getMessage(),
                        "tasks[" + i + "]." + p.field());
            }
        }
        return directive(id);
    }

    public Directive directive(long id) {
        return store.directive(id).orElseThrow(() -> directiveNotFound(id));
    }

    public Task task(long id) {
        return store.task(id).orElseThrow(() -> taskNotFound(id));
    }

    /** The answer for a missing directive, and for one that does not concern the official (issue 15 §4). */
    public static CampaignProblem directiveNotFound(long id) {
        return new CampaignProblem(ErrorCode.DIRECTIVE_NOT_FOUND, "no directive " + id);
    }

    /** The answer for a missing task, and for one of a directive that does not concern the official. */
    public static CampaignProblem taskNotFound(long id) {
        return new CampaignProblem(ErrorCode.TASK_NOT_FOUND, "no task " + id);
    }

    @Transactional
    public Task addTask(long directiveId, NewTask t) {
        Directive d = directive(directiveId);
        TaskBody body;
        try {
            body = TaskBody.parse(t.body());
        } catch (IllegalArgumentException e) {
            throw new CampaignProblem(ErrorCode.BAD_BODY, e.getMessage() + "; one of "
                    + java.util.Arrays.toString(TaskBody.values()), "body");
        }
        String title = Fields.required(t.title(), "title", 1000);
        String assignee = Fields.optional(t.assignee(), "assignee", 200);
        if (t.deadline() == null) {
            throw new CampaignProblem(ErrorCode.FIELD_REQUIRED, "deadline is required for task '" + title + "'",
                    "deadline");
        }
        if (t.deadline().isBefore(d.issuedOn())) {
            throw new CampaignProblem(ErrorCode.DEADLINE_BEFORE_ISSUE, "deadline " + t.deadline()
                    + " is before the directive's issue date " + d.issuedOn(), "deadline");
        }
        return task(store.addTask(directiveId, body.name(), assignee, title, t.deadline(), clock.now()));
    }

    /** A body reports progress (0-100%); 100% marks the task done today, less reopens it. */
    @Transactional
    public TaskUpdate postUpdate(long taskId, int progress, String note, String actor) {
        Task task = task(taskId);
        if (progress < 0 || progress > 100) {
            throw new CampaignProblem(ErrorCode.BAD_PROGRESS, "progress is a percentage from 0 to 100",
                    "progress");
        }
        String n = Fields.required(note, "note", 2000);
        LocalDate doneOn = progress == 100 ? (task.doneOn() != null ? task.doneOn() : clock.today()) : null;
        store.setProgress(task.id(), progress, doneOn);
        long id = store.addUpdate(task.id(), clock.now(), actor, progress, n);
        return store.updates(task.id()).stream().filter(u -> u.id() == id).findFirst().orElseThrow();
    }

    public List<TaskUpdate> updates(long taskId) {
        return store.updates(task(taskId).id());
    }

    public DirectiveProgress progress(long directiveId) {
        Directive d = directive(directiveId);
        LocalDate today = clock.today();
        List<TaskProgress> list = new ArrayList<>();
        for (Task t : store.tasks(d.id())) {
            List<TaskUpdate> u = store.updates(t.id());
            list.add(TaskProgress.of(t, u.isEmpty() ? null : u.get(0), today));
        }
        return new DirectiveProgress(d, today, list);
    }

    /** Directives of units inside {@code areaCode} (null = the whole country), newest first. */
    public List<Directive> directivesWithin(String areaCode) {
        return store.allDirectives().stream().filter(d -> areaCode == null || areas.contains(areaCode, d.unitCode()))
                .toList();
    }

    /** Overdue tasks of directives inside {@code areaCode} (null = everywhere), most overdue first. */
    public List<OverdueTask> overdue(String areaCode) {
        LocalDate today = clock.today();
        List<OverdueTask> result = new ArrayList<>();
        for (Task t : store.overdue(today)) {
            Directive d = directive(t.directiveId());
            if (areaCode == null || areas.contains(areaCode, d.unitCode())) {
                result.add(new OverdueTask(d, t, t.daysOverdue(today)));
            }
        }
        return result;
    }
}
