package vn.bluezone.server.keys.distribution;

/**
 * A member another feature adds to the signed configuration phones apply ({@code /api/v1/config}): the check-ins
 * put their overlap minimum under {@code checkins}. Declared here and implemented by that feature, so that the
 * distribution depends on no feature that depends on it.
 */
public interface DeviceConfigSection {
    /** The member's name in the configuration object. */
    String member();

    /** Its value, written as JSON. */
    Object value();
}
