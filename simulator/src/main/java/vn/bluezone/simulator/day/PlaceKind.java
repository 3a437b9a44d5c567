package vn.bluezone.simulator.day;

import vn.bluezone.device.sim.Environment;

/** Where a contact happened (stored as its ordinal in primitive arrays). */
public enum PlaceKind {
    HOME(Environment.HOME), SCHOOL(Environment.ROOM), WORK(Environment.ROOM), MARKET(Environment.MARKET),
    EATERY(Environment.ROOM), DESK(Environment.ROOM), MEETING(Environment.OPEN_SPACE);

    private static final PlaceKind[] ALL = values();

    private final Environment environment;

    PlaceKind(Environment environment) {
        this.environment = environment;
    }

    /** The radio environment of this kind of place (random encounters happen in the open). */
    public Environment environment() {
        return environment;
    }

    public static PlaceKind of(int ordinal) {
        return ALL[ordinal];
    }

    public String label() {
        return name().toLowerCase();
    }
}
