package vn.bluezone.api.submission;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Body of {@code POST /api/v1/diagnosis-keys}: 1 to {@link vn.bluezone.api.ApiLimits#MAX_KEYS_PER_UPLOAD} keys,
 * the certificate binding their HMAC, the HMAC key (base64) and random padding that hides the upload's size;
 * optionally up to {@link vn.bluezone.api.ApiLimits#MAX_CHECKINS_PER_UPLOAD} encrypted check-ins, bound by the same
 * certificate.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiagnosisKeysRequest(
        @JsonProperty("temporaryExposureKeys") List<DiagnosisKey> temporaryExposureKeys,
        @JsonProperty("certificate") String certificate,
        @JsonProperty("hmacKey") String hmacKey,
        @JsonProperty("padding") String padding,
        @JsonProperty("checkins") List<CheckinReport> checkins) {

    /** A key-only upload (no check-ins). */
    public DiagnosisKeysRequest(List<DiagnosisKey> temporaryExposureKeys, String certificate, String hmacKey,
                                String padding) {
        this(temporaryExposureKeys, certificate, hmacKey, padding, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public DiagnosisKeysRequest {
    }
}
