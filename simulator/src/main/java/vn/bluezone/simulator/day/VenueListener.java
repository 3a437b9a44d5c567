package vn.bluezone.simulator.day;

/**
 * Told of each market, eatery and one-stop desk and who was in it today (check-ins and shared-air transmission
 * live at the place, not in pairs). Arrays hold {@code m} visits: person, first tick and end tick (exclusive).
 */
public interface VenueListener {
    void venue(int day, PlaceKind kind, int venue, int[] persons, int[] fromTick, int[] toTick, int m);
}
