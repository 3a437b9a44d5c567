package vn.bluezone.api.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of {@code POST /api/v1/devices}. Everything but platform ({@code android}, {@code ios}) and appVersion is
 * optional; nothing identifies a person. {@code installationId} is a random UUID the app generates once and keeps:
 * a registration repeated with it returns the same device instead of counting a second install. {@code attestation}
 * (optional, needs installationId) makes the install count as attested; without it the install counts apart.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceRegistration(
        @JsonProperty("platform") String platform,
        @JsonProperty("appVersion") String appVersion,
        @JsonProperty("model") String model,
        @JsonProperty("communeCode") String communeCode,
        @JsonProperty("villageId") Long villageId,
        @JsonProperty("referralCode") String referralCode,
        @JsonProperty("placeCode") String placeCode,
        @JsonProperty("installationId") String installationId,
        @JsonProperty("attestation") Attestation attestation) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public DeviceRegistration {
    }

    /** A registration without attestation (counted as unattested). */
    public DeviceRegistration(String platform, String appVersion, String model, String communeCode, Long villageId,
                              String referralCode, String placeCode, String installationId) {
        this(platform, appVersion, model, communeCode, villageId, referralCode, placeCode, installationId, null);
    }

    /** The same registration carrying {@code a} (bound to its installationId, see {@link AttestationBinding}). */
    public DeviceRegistration withAttestation(Attestation a) {
        return new DeviceRegistration(platform, appVersion, model, communeCode, villageId, referralCode, placeCode,
                installationId, a);
    }

    /** A registration without an installation id (apps that predate it). */
    public DeviceRegistration(String platform, String appVersion, String model, String communeCode, Long villageId,
                              String referralCode, String placeCode) {
        this(platform, appVersion, model, communeCode, villageId, referralCode, placeCode, null);
    }
}
