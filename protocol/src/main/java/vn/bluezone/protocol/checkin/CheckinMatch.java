package vn.bluezone.protocol.checkin;

/** A local check-in that overlaps a published report of the same place, and by how many minutes. */
public record CheckinMatch(LocalCheckin checkin, CheckinRecord record, long overlapMinutes) {
    public boolean isPlaceWarning() {
        return !record.message().isEmpty();
    }
}
