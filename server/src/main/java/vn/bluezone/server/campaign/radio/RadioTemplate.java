package vn.bluezone.server.campaign.radio;

import java.time.Instant;

/** An announcement template; {@code unitCode} null means shipped with the product and usable everywhere. */
public record RadioTemplate(long id, String unitCode, String title, String body, String createdBy,
        Instant createdAt) {
    public boolean shipped() {
        return unitCode == null;
    }
}
