package vn.bluezone.server.campaign.directive;

import vn.bluezone.server.campaign.place.PlaceApi;

import static vn.bluezone.server.campaign.CampaignAccess.MANAGERS;
import static vn.bluezone.server.campaign.CampaignAccess.STAFF;

import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.bluezone.server.accounts.Official;
import vn.bluezone.server.campaign.CampaignAccess;

/** Directives and tasks: record, progress updates, overdue list, one-page report. */
@RestController
@RequestMapping("/api/v1/admin/campaign")
public class DirectiveApi {
    private final DirectiveService directives;
    private final DirectiveReport report;
    private final CampaignAccess access;

    private final vn.bluezone.server.registry.Areas areas;

    public DirectiveApi(DirectiveService directives, DirectiveReport report, CampaignAccess access,
            vn.bluezone.server.registry.Areas areas) {
        this.areas = areas;
        this.directives = directives;
        this.report = report;
        this.access = access;
    }

    public record NewDirective(String number, LocalDate issuedOn, String issuingBody, String subject, String text,
            List<NewTask> tasks) {
    }

    public record NewUpdate(Integer progress, String note) {
    }

    @PostMapping("/units/{unit}/directives")
    @ResponseStatus(HttpStatus.CREATED)
    public DirectiveProgress create(@PathVariable String unit, @RequestBody NewDirective d) {
        Official o = access.require(MANAGERS, unit);
        Directive created = directives.create(unit, d.number(), d.issuedOn(), d.issuingBody(), d.subject(), d.text(),
                d.tasks(), o.username());
        return directives.progress(created.id());
    }

    @GetMapping("/areas/{area}/directives")
    public List<Directive> list(@PathVariable String area) {
        access.require(STAFF, area);
        return directives.directivesWithin(area);
    }

    @GetMapping("/directives/{id}")
    public DirectiveProgress progress(@PathVariable long id) {
        access.requireConcernedRecord(STAFF, () -> directives.directive(id).unitCode(),
                () -> DirectiveService.directiveNotFound(id));
        return directives.progress(id);
    }

    @PostMapping("/directives/{id}/tasks")
    @ResponseStatus(HttpStatus.CREATED)
    public Task addTask(@PathVariable long id, @RequestBody NewTask t) {
        access.requireConcernedRecord(MANAGERS, () -> directives.directive(id).unitCode(),
                () -> DirectiveService.directiveNotFound(id));
        access.require(MANAGERS, directives.directive(id).unitCode());
        return directives.addTask(id, t);
    }

    @PostMapping("/tasks/{id}/updates")
    @ResponseStatus(HttpStatus.CREATED)
    public TaskUpdate update(@PathVariable long id, @RequestBody NewUpdate u) {
        access.require(STAFF);
        Task t = directives.task(id);
        access.requireConcernedRecord(STAFF, () -> directives.directive(t.directiveId()).unitCode(),
                () -> DirectiveService.taskNotFound(id));
        Official o = TaskPosters.require(access, directives.directive(t.directiveId()).unitCode(), t.body());
        return directives.postUpdate(id, u.progress() == null ? -1 : u.progress(), u.note(), o.username());
    }

    @GetMapping("/areas/{area}/overdue-tasks")
    public List<OverdueTask> overdue(@PathVariable String area) {
        access.require(STAFF, area);
        return directives.overdue(area);
    }

    @GetMapping("/directives/{id}/report.pdf")
    public ResponseEntity<byte[]> report(@PathVariable long id) {
        access.requireConcernedRecord(STAFF, () -> directives.directive(id).unitCode(),
                () -> DirectiveService.directiveNotFound(id));
        return PlaceApi.pdf(report.render(directives.progress(id),
                areas.name(directives.directive(id).unitCode()).orElse(null)), "directive-" + id + ".pdf");
    }
}
