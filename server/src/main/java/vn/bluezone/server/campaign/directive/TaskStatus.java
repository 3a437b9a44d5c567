package vn.bluezone.server.campaign.directive;

/** Where a task stands on a given day. */
public enum TaskStatus {
    OPEN("Đang thực hiện", "In progress"),
    OVERDUE("Quá hạn", "Overdue"),
    DONE("Hoàn thành", "Done");

    private final String vi;
    private final String en;

    TaskStatus(String vi, String en) {
        this.vi = vi;
        this.en = en;
    }

    public String vi() {
        return vi;
    }

    public String en() {
        return en;
    }
}
