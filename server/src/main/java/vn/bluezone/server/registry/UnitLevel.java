package vn.bluezone.server.registry;

/** The tiers an official can be responsible for. GSO codes cover PROVINCE..COMMUNE; villages are made by communes. */
public enum UnitLevel {
    NATION(0), PROVINCE(1), DISTRICT(2), COMMUNE(3), VILLAGE(4);

    private final int depth;

    UnitLevel(int depth) {
        this.depth = depth;
    }

    public int depth() {
        return depth;
    }

    public static UnitLevel ofDepth(int depth) {
        for (UnitLevel l : values()) {
            if (l.depth == depth) {
                return l;
            }
        }
        throw new IllegalArgumentException("no unit level " + depth);
    }

    public UnitLevel child() {
        return this == VILLAGE ? null : ofDepth(depth + 1);
    }
}
