package vn.bluezone.protocol.checkin;

/**
 * A check-in as the phone keeps it: the place's location id and when the person was there (epoch seconds,
 * end exclusive). {@code ref} lets the caller find its own record (place name, id) again.
 */
public record LocalCheckin(long ref, LocationId locationId, long startSeconds, long endSeconds) {
    public LocalCheckin {
        if (endSeconds <= startSeconds) {
            throw new IllegalArgumentException("a check-in ends after it starts");
        }
    }
}
