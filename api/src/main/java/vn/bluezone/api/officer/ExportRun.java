package vn.bluezone.api.officer;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Set;

/**
 * Answer to {@code POST /api/v1/admin/exports/run}: {@code ran} is false when another instance held the job.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExportRun(
        @JsonProperty("ran") boolean ran,
        @JsonProperty("batches") int batches,
        @JsonProperty("files") int files,
        @JsonProperty("keys") long keys,
        @JsonProperty("regions") Set<String> regions) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public ExportRun {
    }
}
