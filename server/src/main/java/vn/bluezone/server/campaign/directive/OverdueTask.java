package vn.bluezone.server.campaign.directive;

/** An overdue task with the directive that set it. */
public record OverdueTask(Directive directive, Task task, long daysOverdue) {
}
