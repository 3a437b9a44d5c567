package vn.bluezone.api.verification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /api/v1/verify}: the health officer's 8-digit code or the 16-character SMS code
 * (spaces, dashes and lower case are forgiven).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerifyRequest(
        @JsonProperty("code") String code) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public VerifyRequest {
    }
}
