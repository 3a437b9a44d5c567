package vn.bluezone.api.submission;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Answer to an upload: how many keys were stored, one result per key sent (in order), random padding.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiagnosisKeysResponse(
        @JsonProperty("insertedExposures") int insertedExposures,
        @JsonProperty("results") List<KeyResult> results,
        @JsonProperty("padding") String padding,
        @JsonProperty("checkinResults") List<KeyResult> checkinResults) {

    /** Without check-ins: {@code checkinResults} is left out. */
    public DiagnosisKeysResponse(int insertedExposures, List<KeyResult> results, String padding) {
        this(insertedExposures, results, padding, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public DiagnosisKeysResponse {
    }
}
