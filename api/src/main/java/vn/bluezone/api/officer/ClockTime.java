package vn.bluezone.api.officer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The key server's simulation clock, read and moved with {@code /api/v1/admin/clock} (test servers only).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClockTime(
        @JsonProperty("now") Instant now) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public ClockTime {
    }
}
