package vn.bluezone.api.verification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /api/v1/certificate}: the token and {@code ekeyhmac}, base64 of
 * {@link vn.bluezone.api.KeyHmac} over the keys about to be uploaded.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CertificateRequest(
        @JsonProperty("token") String token,
        @JsonProperty("ekeyhmac") String ekeyhmac) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public CertificateRequest {
    }
}
