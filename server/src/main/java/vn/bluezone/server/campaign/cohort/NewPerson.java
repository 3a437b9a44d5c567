package vn.bluezone.server.campaign.cohort;

import java.time.LocalDate;

/** A person as an official enters them. */
public record NewPerson(String fullName, String phone, String idNumber, String villageCode, String address,
        String cohort, LocalDate startDate, LocalDate endDate) {
}
