package vn.bluezone.server.campaign.household;

import java.time.LocalDate;

/**
 * A volunteer's visit to a household.
 *
 * @param branch the volunteer's youth-union branch (chi đoàn), for progress per branch
 * @param nobodyHome nobody opened: an attempt, not a visit (the household is still to be visited)
 */
public record Visit(long id, long householdId, LocalDate visitedOn, String volunteer, String branch,
        int smartphonesPresent, int alreadyInstalled, int installedNow, int refused, String refusalReason,
        String note, boolean nobodyHome) {
}
