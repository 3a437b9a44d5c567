package vn.bluezone.api.verification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Answer of {@code GET /api/v1/verify/challenge}: a proof-of-work challenge to solve ({@link ProofOfWork#solve})
 * and send with the code before {@code expiresAt}; good for one verify request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PowChallenge(
        @JsonProperty("challenge") String challenge,
        @JsonProperty("difficulty") int difficulty,
        @JsonProperty("expiresAt") Instant expiresAt) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public PowChallenge {
    }
}
