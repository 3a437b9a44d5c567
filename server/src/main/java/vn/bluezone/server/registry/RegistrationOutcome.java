package vn.bluezone.server.registry;

import vn.bluezone.api.registry.RegisteredDevice;

/**
 * A registration's answer and whether it created a device (201) or recalled an earlier one (200); {@code unitCode} is
 * the unit a created device counts in (village {@code V<id>}, commune or VN), null for a recalled one.
 */
public record RegistrationOutcome(RegisteredDevice device, boolean created, String unitCode) {
    public RegistrationOutcome(RegisteredDevice device, boolean created) {
        this(device, created, null);
    }
}
