package vn.bluezone.server.campaign.radio;

/**
 * A slot on a given day with its script filled in, or the reason it cannot be read ({@code problem}, e.g. no
 * population entered for the village).
 */
public record ScheduledAnnouncement(RadioSlot slot, String subjectName, String templateTitle, String script,
        String problem, boolean aired) {
    public boolean ready() {
        return script != null;
    }
}
