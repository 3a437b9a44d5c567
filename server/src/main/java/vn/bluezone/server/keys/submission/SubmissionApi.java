package vn.bluezone.server.keys.submission;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The JSON of {@code POST /api/v1/diagnosis-keys}. */
public final class SubmissionApi {
    private SubmissionApi() {
    }

    /** One key: base64 of 16 bytes and its metadata. */
    public record KeyJson(String key, Integer rollingStartIntervalNumber, Integer rollingPeriod,
                          Integer transmissionRisk) {
    }

    /** The upload; {@code padding} is random text the phone adds so that uploads do not reveal their size. */
    public record Request(List<KeyJson> temporaryExposureKeys, String certificate, String hmacKey, String padding) {
    }

    /** Outcome for key {@code index} of the request: ACCEPTED, or REJECTED with a stable reason. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record KeyResult(int index, String status, String reason) {
        public static KeyResult accepted(int index) {
            return new KeyResult(index, "ACCEPTED", null);
        }

        public static KeyResult rejected(int index, String reason) {
            return new KeyResult(index, "REJECTED", reason);
        }
    }

    /** The answer: how many keys were stored, per-key results, random padding. */
    public record Response(int insertedExposures, List<KeyResult> results, String padding) {
    }
}
