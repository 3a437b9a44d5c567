package vn.bluezone.server.campaign.directive;

import java.time.LocalDate;
import java.util.List;

/** A directive and where its tasks stand on {@code asOf}. */
public record DirectiveProgress(Directive directive, LocalDate asOf, List<TaskProgress> tasks) {
    public long count(TaskStatus status) {
        return tasks.stream().filter(t -> t.status() == status).count();
    }

    /** Mean progress over tasks, 0-100; 0 with no tasks. */
    public int meanProgress() {
        return (int) Math.round(tasks.stream().mapToInt(t -> t.task().progress()).average().orElse(0));
    }
}
