package vn.bluezone.device.checkin;

import java.time.LocalDate;

/**
 * A warning about a check-in: the place's name and address (known only to this phone, from the QR), the day (Vietnam
 * time), how many minutes the stays overlapped, and for a health officer's warning the officer's message.
 */
public record CheckinWarning(Kind kind, long checkinId, String placeName, String placeAddress, LocalDate day,
                             long overlapMinutes, String officerMessage) {
    public enum Kind {
        /** A confirmed case checked in at the same place at overlapping times. */
        CASE,
        /** A health officer warned everyone at the place in a time window. */
        OFFICER
    }
}
