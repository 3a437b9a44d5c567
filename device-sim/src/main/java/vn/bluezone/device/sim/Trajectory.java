package vn.bluezone.device.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** Where a phone is over time. */
@FunctionalInterface
public interface Trajectory {
    Position at(Instant t);

    static Trajectory fixed(double x, double y) {
        Position p = new Position(x, y);
        return t -> p;
    }

    static Builder startingAt(Instant t, double x, double y) {
        return new Builder().at(t, x, y);
    }

    /**
     * Way points joined by straight lines at constant speed; before the first and after the last the phone stays
     * put. {@link #jump} moves instantly (someone walks away between two samples).
     */
    final class Builder {
        private final TreeMap<Instant, Position> points = new TreeMap<>();

        public Builder at(Instant t, double x, double y) {
            points.put(t, new Position(x, y));
            return this;
        }

        /** Stays at the last position until {@code t}, then is at (x, y) from {@code t} on. */
        public Builder jump(Instant t, double x, double y) {
            if (points.isEmpty()) {
                return at(t, x, y);
            }
            Position last = points.lastEntry().getValue();
            points.put(t.minusMillis(1), last);
            points.put(t, new Position(x, y));
            return this;
        }

        public Trajectory build() {
            if (points.isEmpty()) {
                throw new IllegalStateException("a trajectory needs at least one way point");
            }
            List<Instant> times = new ArrayList<>(points.keySet());
            List<Position> where = new ArrayList<>(points.values());
            return t -> interpolate(times, where, t);
        }

        private static Position interpolate(List<Instant> times, List<Position> where, Instant t) {
            int n = times.size();
            if (!t.isAfter(times.get(0))) {
                return where.get(0);
            }
            if (!t.isBefore(times.get(n - 1))) {
                return where.get(n - 1);
            }
            int lo = 0;
            int hi = n - 1;
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (times.get(mid).isAfter(t)) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            long span = times.get(hi).toEpochMilli() - times.get(lo).toEpochMilli();
            double f = span == 0 ? 1.0 : (t.toEpochMilli() - times.get(lo).toEpochMilli()) / (double) span;
            Position a = where.get(lo);
            Position b = where.get(hi);
            return new Position(a.x() + f * (b.x() - a.x()), a.y() + f * (b.y() - a.y()));
        }
    }
}
