package vn.bluezone.api.verification;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import vn.bluezone.protocol.ReportType;

/**
 * Answer to verify: a single-use token (24 h) and what the officer recorded about the case.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerifyResponse(
        @JsonProperty("token") String token,
        @JsonProperty("reportType") ReportType reportType,
        @JsonProperty("symptomOnsetDate") LocalDate symptomOnsetDate,
        @JsonProperty("testDate") LocalDate testDate,
        @JsonProperty("expiresAt") Instant expiresAt) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public VerifyResponse {
    }
}
