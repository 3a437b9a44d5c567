package vn.bluezone.server.campaign.cohort;

import java.time.Instant;
import java.time.LocalDate;

/** A person who must install, with the install that was verified for them (deviceId null until then). */
public record CohortPerson(long id, String communeCode, String villageCode, CohortKind cohort, String fullName,
        String phone, String idNumber, String address, LocalDate startDate, LocalDate endDate, String deviceId,
        String verifiedBy, Instant verifiedAt, String createdBy, Instant createdAt) {

    public boolean verified() {
        return deviceId != null;
    }

    /** Required to have the app on {@code day}: between start and end date. */
    public boolean requiredOn(LocalDate day) {
        return !day.isBefore(startDate) && !day.isAfter(endDate);
    }
}
