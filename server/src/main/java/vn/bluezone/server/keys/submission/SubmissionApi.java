package vn.bluezone.server.keys.submission;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import vn.bluezone.server.checkins.CheckinApi;

/** The JSON of {@code POST /api/v1/diagnosis-keys}. */
public final class SubmissionApi {
    private SubmissionApi() {
    }

    /** One key: base64 of 16 bytes and its metadata. */
    public record KeyJson(String key, Integer rollingStartIntervalNumber, Integer rollingPeriod,
                          Integer transmissionRisk) {
    }

    /**
     * The upload; {@code padding} is random text the phone adds so that uploads do not reveal their size;
     * {@code checkins}: up to 100 encrypted check-ins (optional), bound by the certificate's HMAC with the keys.
     */
    public record Request(List<KeyJson> temporaryExposureKeys, String certificate, String hmacKey, String padding,
                          List<CheckinApi.CheckinJson> checkins) {
        /** A key-only upload. */
        public Request(List<KeyJson> temporaryExposureKeys, String certificate, String hmacKey, String padding) {
            this(temporaryExposureKeys, certificate, hmacKey, padding, null);
        }
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

    /** The answer: how many keys were stored, per-key results, random padding; per-check-in results when check-ins were sent. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Response(int insertedExposures, List<KeyResult> results, String padding, List<KeyResult> checkinResults) {
        /** Without check-ins: {@code checkinResults} is left out of the JSON. */
        public Response(int insertedExposures, List<KeyResult> results, String padding) {
            this(insertedExposures, results, padding, null);
        }
    }
}
