package vn.bluezone.device;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The phone's JSON mapper. It is Jackson 2 because Jackson 3 calls {@code Class.isRecord()} directly, a method
 * Android has only from API 34 (the app runs from API 26). Configured to read and write what the server's
 * Jackson 3 does: ISO-8601 dates, and unknown fields tolerated so that a newer server may add some.
 */
public final class PhoneJson {
    private PhoneJson() {
    }

    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }
}
