package vn.bluezone.server.keys.distribution;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import vn.bluezone.protocol.EnIntervalNumber;
import vn.bluezone.server.keys.KeysProperties;

/**
 * When a stored key may be published: at the first hour boundary after its rolling period ended plus the
 * embargo ({@code bluezone.keys.export.embargo}, 2 h by default), and never before the hour it was stored in.
 * Why: a key still valid today would let anyone who sees the file follow the phone for the rest of the day.
 */
@Component
public class Embargo {
    private final Duration embargo;

    @Autowired
    public Embargo(KeysProperties props) {
        this(props.export().embargo());
    }

    public Embargo(Duration embargo) {
        this.embargo = embargo;
    }

    /** The hour from which the key may go into export files. */
    public Instant availableAt(int rollingStart, int rollingPeriod, Instant createdHour) {
        Instant end = EnIntervalNumber.toInstant((long) rollingStart + rollingPeriod);
        Instant available = ceilHour(end.plus(embargo));
        return available.isBefore(createdHour) ? createdHour : available;
    }

    static Instant ceilHour(Instant t) {
        Instant h = t.truncatedTo(ChronoUnit.HOURS);
        return h.equals(t) ? h : h.plus(1, ChronoUnit.HOURS);
    }
}
