package vn.bluezone.server.campaign;

import vn.bluezone.server.registry.DeviceDirectory;
import vn.bluezone.server.registry.DeviceStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Installs in memory, standing in for the registry in unit tests. */
public final class FakeDevices implements DeviceDirectory {
    private final Map<String, DeviceStatus> byId = new HashMap<>();
    private final Map<String, String> referredBy = new HashMap<>();
    private final Map<String, String> ownCode = new HashMap<>();
    private final Map<String, String> place = new HashMap<>();

    public DeviceStatus install(String id, String installCode, Instant at) {
        DeviceStatus d = new DeviceStatus(id, installCode, at, null, null);
        byId.put(id, d);
        return d;
    }

    public void heartbeat(String id, Instant at, boolean bluetooth) {
        DeviceStatus d = byId.get(id);
        byId.put(id, new DeviceStatus(id, d.installCode(), d.registeredAt(), at, bluetooth, d.attestationKind()));
    }

    /** The install presented a verified platform verdict (issue 15 §3). */
    public void attest(String id) {
        DeviceStatus d = byId.get(id);
        byId.put(id, new DeviceStatus(id, d.installCode(), d.registeredAt(), d.lastSeenAt(), d.bluetoothOn(),
                "TEST"));
    }

    @Override
    public Optional<DeviceStatus> byInstallCode(String installCode) {
        return byId.values().stream().filter(d -> d.installCode().equals(installCode)).findFirst();
    }

    @Override
    public Map<String, DeviceStatus> byIds(Collection<String> deviceIds) {
        Map<String, DeviceStatus> m = new HashMap<>();
        deviceIds.forEach(id -> Optional.ofNullable(byId.get(id)).ifPresent(d -> m.put(id, d)));
        return m;
    }

    @Override
    public Map<String, Long> referralCounts(Collection<String> codes) {
        Map<String, Long> m = new HashMap<>();
        referredBy.forEach((device, code) -> {
            if (codes.contains(code) && !code.equals(ownCode.get(device))) {
                m.merge(code, 1L, Long::sum);
            }
        });
        return m;
    }

    @Override
    public Map<String, Long> installsByPlace(Collection<String> placeCodes) {
        Map<String, Long> m = new HashMap<>();
        place.forEach((device, code) -> {
            if (placeCodes.contains(code)) {
                m.merge(code, 1L, Long::sum);
            }
        });
        return m;
    }

    @Override
    public Optional<String> referralCodeOf(String deviceId, String secret) {
        return Optional.ofNullable(ownCode.get(deviceId));
    }

    @Override
    public boolean referralCodeExists(String referralCode) {
        return ownCode.containsValue(referralCode);
    }
}
