package vn.bluezone.server.campaign.directive;

import java.time.Instant;

/** A progress report a body posted on a task. */
public record TaskUpdate(long id, long taskId, Instant postedAt, String postedBy, int progress, String note) {
}
