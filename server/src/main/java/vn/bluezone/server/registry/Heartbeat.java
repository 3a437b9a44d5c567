package vn.bluezone.server.registry;

/** Body of POST /api/v1/devices/{deviceId}/heartbeat. */
public record Heartbeat(Boolean bluetoothOn, String appVersion) {
}
