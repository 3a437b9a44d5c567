package vn.bluezone.server.campaign.radio;

import vn.bluezone.api.ErrorCode;

/**
 * A slot on a given day with its script filled in, or the reason it cannot be read ({@code problem}, the service's
 * words for the JSON API, and its stable {@code problemCode}, which printed sheets translate; e.g. no population
 * entered for the village).
 */
public record ScheduledAnnouncement(RadioSlot slot, String subjectName, String templateTitle, String script,
        String problem, ErrorCode problemCode, boolean aired) {
    public boolean ready() {
        return script != null;
    }
}
