package vn.bluezone.device.checkin;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: where the phone keeps its check-ins, the check-in packages it already read and the warnings it gave.
 * {@link InMemoryCheckinStore} for simulations and tests, {@link SqliteCheckinStore} for phones.
 */
public interface CheckinStore {
    /** Stores a new check-in; returns it with its id. */
    StoredCheckin insert(StoredCheckin checkin);

    void update(StoredCheckin checkin);

    Optional<StoredCheckin> find(long id);

    /** All check-ins, oldest arrival first. */
    List<StoredCheckin> all();

    boolean packageChecked(String name);

    void markPackageChecked(String name, Instant at);

    /** Records a warning given; false when {@code key} was given before (warn once). */
    boolean markWarned(String key, Instant at);

    /** Whether {@code key} was recorded with {@link #markWarned}. */
    boolean warned(String key);

    /** Deletes check-ins that arrived before {@code cutoff}, and package names and warnings recorded before it. */
    int purgeBefore(Instant cutoff);
}
