package vn.bluezone.server.campaign.cohort;

import vn.bluezone.server.registry.DeviceStatus;

/** A person with the live state of their verified install. */
public record PersonStatus(CohortPerson person, DeviceStatus device, boolean active, boolean needsVisit) {
}
