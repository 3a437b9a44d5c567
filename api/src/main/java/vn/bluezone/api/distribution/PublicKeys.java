package vn.bluezone.api.distribution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code GET /api/v1/exports/public-key}: the key to verify with now, and every active key (several during a rotation).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicKeys(
        @JsonProperty("keyId") String keyId,
        @JsonProperty("keyVersion") String keyVersion,
        @JsonProperty("algorithm") String algorithm,
        @JsonProperty("publicKey") String publicKey,
        @JsonProperty("keys") List<PublicKeyInfo> keys) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public PublicKeys {
    }
}
