package vn.bluezone.server.checkins;

import java.time.Instant;

/** A health officer's warning for a registered place and time window. */
public record PlaceWarning(long id, long placeId, Instant startsAt, Instant endsAt, String message, String issuedBy,
                           Instant issuedAt) {
}
