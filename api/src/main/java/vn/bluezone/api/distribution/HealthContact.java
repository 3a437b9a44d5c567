package vn.bluezone.api.distribution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code health} member of the signed configuration ({@code GET /api/v1/config}): the hotline the app's
 * warnings screen offers to call ({@code bluezone.health.hotline} on the server; the Ministry of Health's
 * 1900 9095 unless a deployment sets its health department's).
 */
public record HealthContact(@JsonProperty("hotline") String hotline) {
    /** Member name in the configuration document. */
    public static final String MEMBER = "health";

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public HealthContact {
    }
}
