package vn.bluezone.server.campaign.directive;

/** Where a task stands on a given day; labels in the bundles ({@code campaign.status.*}). */
public enum TaskStatus {
    OPEN,
    OVERDUE,
    DONE
}
