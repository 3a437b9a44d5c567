package vn.bluezone.api.distribution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code GET /api/v1/config}: {@code configuration} is JSON text {@code {version, risk, scanning, minimumAppVersion,
 * checkins, health}} ({@code health} is a {@link HealthContact});
 * {@code signature} is base64 DER ECDSA P-256 SHA-256 over its UTF-8 bytes, verifiable with the export key.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SignedConfig(
        @JsonProperty("configuration") String configuration,
        @JsonProperty("signature") String signature,
        @JsonProperty("keyId") String keyId,
        @JsonProperty("keyVersion") String keyVersion,
        @JsonProperty("algorithm") String algorithm) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public SignedConfig {
    }
}
