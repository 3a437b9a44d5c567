package vn.bluezone.device.scan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The duty cycles this phone scanned with, each from the time (phone clock) it took effect; the last one is the
 * current one. Scoring needs it: a sighting stands for the scan period in force when it was heard, so a period
 * the server shortens today must not shrink the minutes counted for yesterday's contacts.
 *
 * <p>Stored as one text value ({@link #encode()}): {@code since|windowMillis|periodMillis} per entry, comma
 * separated, oldest first.
 */
public final class DutyCycleHistory {
    private final List<Entry> entries;

    /** One duty cycle and when it took effect. */
    public record Entry(Instant since, DutyCycle dutyCycle) {
        public Entry {
            Objects.requireNonNull(since);
            Objects.requireNonNull(dutyCycle);
        }
    }

    private DutyCycleHistory(List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a duty cycle history has at least one entry");
        }
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).since().isBefore(entries.get(i - 1).since())) {
                throw new IllegalArgumentException("duty cycle history out of time order");
            }
        }
        this.entries = List.copyOf(entries);
    }

    /** A phone that has always scanned with {@code initial}. */
    public static DutyCycleHistory of(DutyCycle initial) {
        return new DutyCycleHistory(List.of(new Entry(Instant.EPOCH, initial)));
    }

    public List<Entry> entries() {
        return entries;
    }

    public DutyCycle current() {
        return entries.get(entries.size() - 1).dutyCycle();
    }

    /** The duty cycle in force at {@code t}; the first one for times before every change. */
    public DutyCycle at(Instant t) {
        DutyCycle d = entries.get(0).dutyCycle();
        for (Entry e : entries) {
            if (e.since().isAfter(t)) {
                break;
            }
            d = e.dutyCycle();
        }
        return d;
    }

    /**
     * {@code next} in force from {@code since} on; entries that ended before {@code keepFrom} (the retention
     * cutoff: no sighting that old is scored any more) are dropped.
     */
    public DutyCycleHistory with(Instant since, DutyCycle next, Instant keepFrom) {
        List<Entry> kept = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            Instant end = i + 1 < entries.size() ? entries.get(i + 1).since() : since;
            if (!end.isBefore(keepFrom) && e.since().isBefore(since)) {
                kept.add(e);
            }
        }
        kept.add(new Entry(since, next));
        return new DutyCycleHistory(kept);
    }

    public String encode() {
        StringBuilder b = new StringBuilder();
        for (Entry e : entries) {
            if (!b.isEmpty()) {
                b.append(',');
            }
            b.append(e.since()).append('|').append(e.dutyCycle().window().toMillis()).append('|')
                    .append(e.dutyCycle().period().toMillis());
        }
        return b.toString();
    }

    /** @throws IllegalArgumentException when {@code text} is not what {@link #encode()} writes */
    public static DutyCycleHistory decode(String text) {
        List<Entry> out = new ArrayList<>();
        try {
            for (String item : text.split(",")) {
                String[] f = item.split("\\|");
                if (f.length != 3) {
                    throw new IllegalArgumentException("expected since|windowMillis|periodMillis, got " + item);
                }
                out.add(new Entry(Instant.parse(f[0]), new DutyCycle(Duration.ofMillis(Long.parseLong(f[1])),
                        Duration.ofMillis(Long.parseLong(f[2])))));
            }
        } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("bad duty cycle history: " + e.getMessage(), e);
        }
        return new DutyCycleHistory(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DutyCycleHistory h && entries.equals(h.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "DutyCycleHistory" + entries;
    }
}
