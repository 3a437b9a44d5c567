package vn.bluezone.api.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /api/v1/devices/{deviceId}/heartbeat} (with {@code Authorization: Bearer <deviceSecret>}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Heartbeat(
        @JsonProperty("bluetoothOn") Boolean bluetoothOn,
        @JsonProperty("appVersion") String appVersion) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Heartbeat {
    }
}
