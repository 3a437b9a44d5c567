package vn.bluezone.server.campaign.household;

import java.time.LocalDate;

/** A visit as the volunteer's phone form sends it. */
public record NewVisit(LocalDate visitedOn, String branch, Integer smartphonesPresent, Integer alreadyInstalled,
        Integer installedNow, Integer refused, String refusalReason, String note) {
}
