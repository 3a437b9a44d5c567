package vn.bluezone.api.submission;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import vn.bluezone.protocol.TemporaryExposureKey;

/**
 * One key of an upload: base64 of 16 bytes and its metadata. Numbers are objects so that a bad upload's missing
 * field reaches the server's per-key check (and the HMAC, written {@code null}) instead of failing the binding.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiagnosisKey(
        @JsonProperty("key") String key,
        @JsonProperty("rollingStartIntervalNumber") Integer rollingStartIntervalNumber,
        @JsonProperty("rollingPeriod") Integer rollingPeriod,
        @JsonProperty("transmissionRisk") Integer transmissionRisk) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public DiagnosisKey {
    }

    /** The wire form of a phone's own key. */
    public static DiagnosisKey of(TemporaryExposureKey k) {
        return new DiagnosisKey(Base64.getEncoder().encodeToString(k.keyData()), k.rollingStartIntervalNumber(),
                k.rollingPeriod(), k.transmissionRiskLevel());
    }

    public static List<DiagnosisKey> of(List<TemporaryExposureKey> keys) {
        List<DiagnosisKey> out = new ArrayList<>(keys.size());
        for (TemporaryExposureKey k : keys) {
            out.add(of(k));
        }
        return out;
    }
}
