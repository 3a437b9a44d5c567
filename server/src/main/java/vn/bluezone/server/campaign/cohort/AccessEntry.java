package vn.bluezone.server.campaign.cohort;

import java.time.Instant;

/** One line of the personal-data access log: who did what to which record (by id only). */
public record AccessEntry(long id, Long personId, String communeCode, String actor, String action, Instant at,
        String detail) {
}
