package vn.bluezone.api.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /api/v1/devices/{deviceId}/heartbeat} (with {@code Authorization: Bearer <deviceSecret>}).
 * {@code attestation} (optional, bound to the deviceId by {@link AttestationBinding}) attests an install that
 * registered without one, and keeps an attested install's App Attest counter moving.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Heartbeat(
        @JsonProperty("bluetoothOn") Boolean bluetoothOn,
        @JsonProperty("appVersion") String appVersion,
        @JsonProperty("attestation") Attestation attestation) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Heartbeat {
    }

    /** A heartbeat without attestation. */
    public Heartbeat(Boolean bluetoothOn, String appVersion) {
        this(bluetoothOn, appVersion, null);
    }
}
