package vn.bluezone.device.checkin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The check-in store in the heap (simulations, tests). Thread-safe by synchronisation. */
public final class InMemoryCheckinStore implements CheckinStore {
    private final TreeMap<Long, StoredCheckin> checkins = new TreeMap<>();
    private final Map<String, Instant> packages = new HashMap<>();
    private final Map<String, Instant> warned = new HashMap<>();
    private long nextId = 1;

    @Override
    public synchronized StoredCheckin insert(StoredCheckin c) {
        StoredCheckin s = c.withId(nextId++);
        checkins.put(s.id(), s);
        return s;
    }

    @Override
    public synchronized void update(StoredCheckin c) {
        if (checkins.containsKey(c.id())) {
            checkins.put(c.id(), c);
        }
    }

    @Override
    public synchronized Optional<StoredCheckin> find(long id) {
        return Optional.ofNullable(checkins.get(id));
    }

    @Override
    public synchronized List<StoredCheckin> all() {
        List<StoredCheckin> list = new ArrayList<>(checkins.values());
        list.sort((a, b) -> a.checkIn().compareTo(b.checkIn()));
        return list;
    }

    @Override
    public synchronized boolean packageChecked(String name) {
        return packages.containsKey(name);
    }

    @Override
    public synchronized void markPackageChecked(String name, Instant at) {
        packages.put(name, at);
    }

    @Override
    public synchronized boolean markWarned(String key, Instant at) {
        return warned.putIfAbsent(key, at) == null;
    }

    @Override
    public synchronized boolean warned(String key) {
        return warned.containsKey(key);
    }

    @Override
    public synchronized int purgeBefore(Instant cutoff) {
        int before = checkins.size();
        checkins.values().removeIf(c -> c.checkIn().isBefore(cutoff));
        packages.values().removeIf(t -> t.isBefore(cutoff));
        warned.values().removeIf(t -> t.isBefore(cutoff));
        return before - checkins.size();
    }
}
