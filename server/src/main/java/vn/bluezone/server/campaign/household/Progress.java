package vn.bluezone.server.campaign.household;

/**
 * Door-to-door progress of one group (a village, a volunteer or a branch).
 *
 * @param households households on the list (for volunteers and branches: households they visited)
 * @param visited    households with at least one visit
 */
public record Progress(String key, String label, long households, long visited, long smartphonesPresent,
        long alreadyInstalled, long installedNow, long refused) {
    public Double visitedRate() {
        return households == 0 ? null : (double) visited / households;
    }

    /** Share of smartphones seen that have the app after the visits. */
    public Double installedRate() {
        return smartphonesPresent == 0 ? null : (double) (alreadyInstalled + installedNow) / smartphonesPresent;
    }
}
