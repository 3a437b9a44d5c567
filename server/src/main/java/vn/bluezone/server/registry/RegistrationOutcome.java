package vn.bluezone.server.registry;

import vn.bluezone.api.registry.RegisteredDevice;

/** A registration's answer and whether it created a device (201) or recalled an earlier one (200). */
public record RegistrationOutcome(RegisteredDevice device, boolean created) {
}
