package vn.bluezone.server.campaign.directive;

import java.time.Instant;
import java.time.LocalDate;

/** A directive (chỉ thị, công văn, kế hoạch) issued for a unit. */
public record Directive(long id, String unitCode, String number, LocalDate issuedOn, String issuingBody,
        String subject, String body, String createdBy, Instant createdAt) {
}
