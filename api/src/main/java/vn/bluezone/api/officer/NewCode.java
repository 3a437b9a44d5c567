package vn.bluezone.api.officer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import vn.bluezone.protocol.ReportType;

/**
 * Body of {@code POST /api/v1/admin/codes} (health officers): report type, symptom onset or test date (at most 28
 * days back), the case's province code (default: the officer's), and optionally the case file's short reference
 * (letters, digits, - / .; at most 32; never a name) that tells codes apart.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewCode(
        @JsonProperty("reportType") ReportType reportType,
        @JsonProperty("symptomDate") LocalDate symptomDate,
        @JsonProperty("testDate") LocalDate testDate,
        @JsonProperty("region") String region,
        @JsonProperty("caseReference") String caseReference) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public NewCode {
    }

    public NewCode(ReportType reportType, LocalDate symptomDate, LocalDate testDate, String region) {
        this(reportType, symptomDate, testDate, region, null);
    }
}
