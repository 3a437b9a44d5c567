package vn.bluezone.api.submission;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;
import vn.bluezone.api.ErrorCode;

/**
 * Outcome for key {@code index} of an upload: {@value #ACCEPTED}, or {@value #REJECTED} with a stable
 * {@code reason} (an {@link ErrorCode} name such as {@code KEY_TOO_OLD}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyResult(
        @JsonProperty("index") int index,
        @JsonProperty("status") String status,
        @JsonProperty("reason") String reason) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public KeyResult {
    }

    public static final String ACCEPTED = "ACCEPTED";
    public static final String REJECTED = "REJECTED";

    public static KeyResult accepted(int index) {
        return new KeyResult(index, ACCEPTED, null);
    }

    public static KeyResult rejected(int index, ErrorCode reason) {
        return new KeyResult(index, REJECTED, reason.name());
    }

    /** Whether the key was stored. */
    public boolean wasAccepted() {
        return ACCEPTED.equals(status);
    }

    /** The reason as a constant; empty when accepted or unknown to this version. */
    public Optional<ErrorCode> reasonCode() {
        return ErrorCode.find(reason);
    }
}
