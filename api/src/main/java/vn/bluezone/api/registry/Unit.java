package vn.bluezone.api.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An administrative unit (GSO code) or village as the commune picker shows it ({@code GET /api/v1/units...}).
 * {@code level}: NATION, PROVINCE, DISTRICT, COMMUNE or VILLAGE.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Unit(
        @JsonProperty("code") String code,
        @JsonProperty("level") String level,
        @JsonProperty("kind") String kind,
        @JsonProperty("name") String name,
        @JsonProperty("fullName") String fullName,
        @JsonProperty("parentCode") String parentCode) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Unit {
    }
}
