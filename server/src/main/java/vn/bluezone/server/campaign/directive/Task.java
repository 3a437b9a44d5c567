package vn.bluezone.server.campaign.directive;

import java.time.LocalDate;

/**
 * A task a directive assigns to a body, with its latest progress (0-100%).
 *
 * @param assignee who exactly, when the body alone is not enough ("Chi đoàn thôn Hà Lạc"), may be null
 * @param doneOn   the day progress reached 100%
 */
public record Task(long id, long directiveId, TaskBody body, String assignee, String title, LocalDate deadline,
        int progress, LocalDate doneOn) {

    /** A task is overdue from the day after its deadline until it is done. */
    public TaskStatus status(LocalDate today) {
        if (doneOn != null) {
            return TaskStatus.DONE;
        }
        return today.isAfter(deadline) ? TaskStatus.OVERDUE : TaskStatus.OPEN;
    }

    /** Days past the deadline on {@code today}, 0 when not overdue. */
    public long daysOverdue(LocalDate today) {
        return status(today) == TaskStatus.OVERDUE ? java.time.temporal.ChronoUnit.DAYS.between(deadline, today) : 0;
    }
}
