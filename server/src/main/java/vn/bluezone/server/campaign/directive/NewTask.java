package vn.bluezone.server.campaign.directive;

import java.time.LocalDate;

/** A task as entered with a directive or added later. */
public record NewTask(String body, String assignee, String title, LocalDate deadline) {
}
