package vn.bluezone.api.verification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Answer to certificate: an ES256 JWT valid for one upload until {@code expiresAt} (15 minutes).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CertificateResponse(
        @JsonProperty("certificate") String certificate,
        @JsonProperty("expiresAt") Instant expiresAt) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public CertificateResponse {
    }
}
