package vn.bluezone.simulator.day;

/** Where a contact happened (stored as its ordinal in primitive arrays). */
public enum PlaceKind {
    HOME, SCHOOL, WORK, MARKET, EATERY, DESK, MEETING;

    private static final PlaceKind[] ALL = values();

    public static PlaceKind of(int ordinal) {
        return ALL[ordinal];
    }

    public String label() {
        return name().toLowerCase();
    }
}
