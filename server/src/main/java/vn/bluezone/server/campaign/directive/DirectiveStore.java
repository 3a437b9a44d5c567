package vn.bluezone.server.campaign.directive;

import static vn.bluezone.server.campaign.Rows.date;
import static vn.bluezone.server.campaign.Rows.insert;
import static vn.bluezone.server.campaign.Rows.instant;
import static vn.bluezone.server.campaign.Rows.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables campaign_directive, campaign_task and campaign_task_update. */
@Repository
public class DirectiveStore {
    private final JdbcClient jdbc;

    public DirectiveStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long addDirective(String unitCode, String number, LocalDate issuedOn, String issuingBody, String subject,
            String body, String actor, Instant at) {
        return insert(jdbc.sql("INSERT INTO campaign_directive (unit_code, number, issued_on, issuing_body, subject, "
                + "body, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(unitCode, number, issuedOn, issuingBody, subject, body, actor, ts(at)));
    }

    public boolean numberTaken(String unitCode, String number) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign_directive WHERE unit_code = ? AND number = ?")
                .params(unitCode, number).query(Long.class).single() > 0;
    }

    public Optional<Directive> directive(long id) {
        return jdbc.sql("SELECT * FROM campaign_directive WHERE id = ?").param(id).query(DirectiveStore::directive)
                .optional();
    }

    /** Directives of the given units, newest first. */
    public List<Directive> directives(List<String> unitCodes) {
        if (unitCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM campaign_directive WHERE unit_code IN (:units) ORDER BY issued_on DESC, id DESC")
                .param("units", unitCodes).query(DirectiveStore::directive).list();
    }

    public List<Directive> allDirectives() {
        return jdbc.sql("SELECT * FROM campaign_directive ORDER BY issued_on DESC, id DESC")
                .query(DirectiveStore::directive).list();
    }

    public long addTask(long directiveId, String body, String assignee, String title, LocalDate deadline,
            Instant at) {
        return insert(jdbc.sql("INSERT INTO campaign_task (directive_id, body_kind, assignee, title, deadline, "
                + "progress, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)")
                .params(directiveId, body, assignee, title, deadline, ts(at)));
    }

    public Optional<Task> task(long id) {
        return jdbc.sql("SELECT * FROM campaign_task WHERE id = ?").param(id).query(DirectiveStore::task).optional();
    }

    public List<Task> tasks(long directiveId) {
        return jdbc.sql("SELECT * FROM campaign_task WHERE directive_id = ? ORDER BY deadline, id").param(directiveId)
                .query(DirectiveStore::task).list();
    }

    /** Unfinished tasks whose deadline is before {@code today}, oldest deadline first. */
    public List<Task> overdue(LocalDate today) {
        return jdbc.sql("SELECT * FROM campaign_task WHERE done_on IS NULL AND deadline < ? ORDER BY deadline, id")
                .param(today).query(DirectiveStore::task).list();
    }

    public void setProgress(long taskId, int progress, LocalDate doneOn) {
        jdbc.sql("UPDATE campaign_task SET progress = ?, done_on = ? WHERE id = ?").params(progress, doneOn, taskId)
                .update();
    }

    public long addUpdate(long taskId, Instant at, String actor, int progress, String note) {
        return insert(jdbc.sql("INSERT INTO campaign_task_update (task_id, posted_at, posted_by, progress, note) "
                + "VALUES (?, ?, ?, ?, ?)").params(taskId, ts(at), actor, progress, note));
    }

    /** Updates of a task, newest first. */
    public List<TaskUpdate> updates(long taskId) {
        return jdbc.sql("SELECT * FROM campaign_task_update WHERE task_id = ? ORDER BY posted_at DESC, id DESC")
                .param(taskId).query(DirectiveStore::update).list();
    }

    private static Directive directive(ResultSet rs, int n) throws SQLException {
        return new Directive(rs.getLong("id"), rs.getString("unit_code"), rs.getString("number"),
                date(rs, "issued_on"), rs.getString("issuing_body"), rs.getString("subject"), rs.getString("body"),
                rs.getString("created_by"), instant(rs, "created_at"));
    }

    private static Task task(ResultSet rs, int n) throws SQLException {
        return new Task(rs.getLong("id"), rs.getLong("directive_id"), TaskBody.valueOf(rs.getString("body_kind")),
                rs.getString("assignee"), rs.getString("title"), date(rs, "deadline"), rs.getInt("progress"),
                date(rs, "done_on"));
    }

    private static TaskUpdate update(ResultSet rs, int n) throws SQLException {
        return new TaskUpdate(rs.getLong("id"), rs.getLong("task_id"), instant(rs, "posted_at"),
                rs.getString("posted_by"), rs.getInt("progress"), rs.getString("note"));
    }
}
