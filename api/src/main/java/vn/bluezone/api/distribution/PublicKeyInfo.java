package vn.bluezone.api.distribution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One export verification key as phones register it: PEM SubjectPublicKeyInfo (ECDSA P-256) with its id and version.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicKeyInfo(
        @JsonProperty("keyId") String keyId,
        @JsonProperty("keyVersion") String keyVersion,
        @JsonProperty("algorithm") String algorithm,
        @JsonProperty("publicKey") String publicKey) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public PublicKeyInfo {
    }
}
