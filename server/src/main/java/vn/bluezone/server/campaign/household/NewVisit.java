package vn.bluezone.server.campaign.household;

import java.time.LocalDate;

/**
 * A visit as the volunteer's phone form sends it.
 *
 * @param nobodyHome nobody opened: no counts, the household stays to be visited
 */
public record NewVisit(LocalDate visitedOn, String branch, Integer smartphonesPresent, Integer alreadyInstalled,
        Integer installedNow, Integer refused, String refusalReason, String note, Boolean nobodyHome) {
    public NewVisit(LocalDate visitedOn, String branch, Integer smartphonesPresent, Integer alreadyInstalled,
            Integer installedNow, Integer refused, String refusalReason, String note) {
        this(visitedOn, branch, smartphonesPresent, alreadyInstalled, installedNow, refused, refusalReason, note,
                Boolean.FALSE);
    }

    /** True for "nobody home" (absent in JSON means a visit). */
    public boolean isNobodyHome() {
        return Boolean.TRUE.equals(nobodyHome);
    }

    /** Nobody at home on {@code day}. */
    public static NewVisit nobodyHome(LocalDate day, String branch, String note) {
        return new NewVisit(day, branch, 0, 0, 0, 0, null, note, Boolean.TRUE);
    }
}
