package vn.bluezone.server.registry;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Read-only look-ups into the registry's anonymous installs. */
public interface DeviceDirectory {
    /** The install whose app shows {@code installCode} (case and spaces ignored). */
    Optional<DeviceStatus> byInstallCode(String installCode);

    Map<String, DeviceStatus> byIds(Collection<String> deviceIds);

    /**
     * Per referral code: distinct devices that registered with it, not counting a device naming its own code, and
     * only devices that have sent heartbeats on two different days (issue 15 §3).
     */
    Map<String, Long> referralCounts(Collection<String> referralCodes);

    /** Per place code: devices that registered with it and have sent heartbeats on two different days. */
    Map<String, Long> installsByPlace(Collection<String> placeCodes);

    /**
     * The referral code of device {@code deviceId} when {@code secret} is its secret; empty for an unknown device
     * and a wrong secret alike (so device ids cannot be probed).
     */
    Optional<String> referralCodeOf(String deviceId, String secret);

    /** True when some install was given {@code referralCode}. */
    boolean referralCodeExists(String referralCode);
}
