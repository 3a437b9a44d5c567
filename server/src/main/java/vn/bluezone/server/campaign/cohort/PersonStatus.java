package vn.bluezone.server.campaign.cohort;

import vn.bluezone.server.registry.DeviceStatus;

/**
 * A person with the live state of their verified install. {@code active}: compliant (attested install, heartbeats,
 * Bluetooth on); {@code reason}: why not, null when compliant.
 */
public record PersonStatus(CohortPerson person, DeviceStatus device, boolean active, boolean needsVisit,
                           ComplianceReason reason) {

    /** The status of a person's install as the cohort rule reads it (issue 15 §3). */
    static PersonStatus of(CohortPerson person, DeviceStatus device, java.time.Instant now, java.time.LocalDate today) {
        ComplianceReason reason = device == null ? ComplianceReason.NOT_VERIFIED
                : !device.attested() ? ComplianceReason.UNATTESTED
                : !device.activeWithBluetooth(now) ? ComplianceReason.NOT_ACTIVE : null;
        boolean active = reason == null;
        return new PersonStatus(person, device, active, person.requiredOn(today) && !active, reason);
    }

    /** Verified and sending heartbeats, but from an install that was never attested ("cài chưa xác thực"). */
    public boolean unattested() {
        return reason == ComplianceReason.UNATTESTED;
    }
}
