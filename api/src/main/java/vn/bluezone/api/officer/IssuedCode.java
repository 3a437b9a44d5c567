package vn.bluezone.api.officer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import vn.bluezone.protocol.ReportType;

/**
 * Answer to a new code: the 8-digit short code (15 min) and the 16-character long code (24 h, for SMS).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IssuedCode(
        @JsonProperty("id") String id,
        @JsonProperty("shortCode") String shortCode,
        @JsonProperty("shortCodeExpiresAt") Instant shortCodeExpiresAt,
        @JsonProperty("longCode") String longCode,
        @JsonProperty("longCodeExpiresAt") Instant longCodeExpiresAt,
        @JsonProperty("reportType") ReportType reportType,
        @JsonProperty("symptomDate") LocalDate symptomDate,
        @JsonProperty("testDate") LocalDate testDate,
        @JsonProperty("region") String region,
        @JsonProperty("caseReference") String caseReference) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public IssuedCode {
    }

    public IssuedCode(String id, String shortCode, Instant shortCodeExpiresAt, String longCode,
            Instant longCodeExpiresAt, ReportType reportType, LocalDate symptomDate, LocalDate testDate,
            String region) {
        this(id, shortCode, shortCodeExpiresAt, longCode, longCodeExpiresAt, reportType, symptomDate, testDate,
                region, null);
    }
}
