package vn.bluezone.api.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Answer to a registration (201 new, 200 the same installation again). The secret is shown once and stored only
 * hashed; {@code installCode} is what the user shows an official; {@code referralCode} what the user shares.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegisteredDevice(
        @JsonProperty("deviceId") String deviceId,
        @JsonProperty("deviceSecret") String deviceSecret,
        @JsonProperty("installCode") String installCode,
        @JsonProperty("referralCode") String referralCode) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public RegisteredDevice {
    }
}
