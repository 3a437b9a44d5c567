package vn.bluezone.device.checkin;

import java.time.Instant;
import java.util.Objects;
import vn.bluezone.protocol.checkin.PlacePayload;

/**
 * A check-in as the phone keeps it: the place's QR payload (its name, address and secret seed, which never leave
 * the phone), when the person arrived, when they left (null while still there) and when the phone checks them
 * out by itself (arrival + the place's default stay).
 */
public record StoredCheckin(long id, String placeCode, byte[] payload, Instant checkIn, Instant checkOut,
                            Instant autoCheckOut) {
    public StoredCheckin {
        Objects.requireNonNull(placeCode);
        Objects.requireNonNull(payload);
        Objects.requireNonNull(checkIn);
        Objects.requireNonNull(autoCheckOut);
    }

    public PlacePayload place() {
        return PlacePayload.parse(payload);
    }

    /** The end of the stay as of {@code now}: the check-out, else the automatic one once passed, else null (open). */
    public Instant end(Instant now) {
        if (checkOut != null) {
            return checkOut;
        }
        return now.isBefore(autoCheckOut) ? null : autoCheckOut;
    }

    public boolean isOpen(Instant now) {
        return end(now) == null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredCheckin s && id == s.id && placeCode.equals(s.placeCode)
                && java.util.Arrays.equals(payload, s.payload) && checkIn.equals(s.checkIn)
                && Objects.equals(checkOut, s.checkOut) && autoCheckOut.equals(s.autoCheckOut);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, placeCode, java.util.Arrays.hashCode(payload), checkIn, checkOut, autoCheckOut);
    }

    @Override
    public String toString() {
        return "StoredCheckin[" + id + " " + placeCode + " " + checkIn + "–" + checkOut + " (auto " + autoCheckOut + ")]";
    }

    StoredCheckin withId(long newId) {
        return new StoredCheckin(newId, placeCode, payload, checkIn, checkOut, autoCheckOut);
    }

    StoredCheckin withTimes(Instant in, Instant out) {
        return new StoredCheckin(id, placeCode, payload, in, out, autoCheckOut);
    }
}
