package vn.bluezone.api.verification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /api/v1/verify}: the health officer's 8-digit code or the 16-character SMS code
 * (spaces, dashes and lower case are forgiven). {@code powChallenge} and {@code powNonce}: a solved proof of work
 * ({@link ProofOfWork}), sent only after the server answered {@code PROOF_OF_WORK_REQUIRED}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerifyRequest(
        @JsonProperty("code") String code,
        @JsonProperty("powChallenge") String powChallenge,
        @JsonProperty("powNonce") Long powNonce) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public VerifyRequest {
    }

    /** A request without proof of work (the usual case). */
    public VerifyRequest(String code) {
        this(code, null, null);
    }
}
