package vn.bluezone.api.officer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import vn.bluezone.protocol.ReportType;

/**
 * Body of {@code POST /api/v1/admin/codes} (health officers): report type, symptom onset or test date (at most 28
 * days back), and the case's province code (default: the officer's).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewCode(
        @JsonProperty("reportType") ReportType reportType,
        @JsonProperty("symptomDate") LocalDate symptomDate,
        @JsonProperty("testDate") LocalDate testDate,
        @JsonProperty("region") String region) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public NewCode {
    }
}
