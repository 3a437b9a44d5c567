package vn.bluezone.server.campaign.directive;

import java.time.LocalDate;

/** A task with its status on a day and its latest update (null before the first). */
public record TaskProgress(Task task, TaskStatus status, long daysOverdue, TaskUpdate latest) {
    static TaskProgress of(Task task, TaskUpdate latest, LocalDate today) {
        return new TaskProgress(task, task.status(today), task.daysOverdue(today), latest);
    }
}
