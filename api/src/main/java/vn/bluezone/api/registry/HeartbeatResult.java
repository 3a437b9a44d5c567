package vn.bluezone.api.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * {@code counted}: this was the device's first heartbeat of {@code day} (later ones only update the Bluetooth state).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HeartbeatResult(
        @JsonProperty("counted") boolean counted,
        @JsonProperty("day") LocalDate day) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public HeartbeatResult {
    }
}
