package vn.bluezone.server.checkins;

import java.time.Instant;

/** The public facts a registered place's check-in QR was made from (the seed comes from {@link PlaceSecret}). */
public record PlaceQr(long placeId, String description, String address, int defaultStayMinutes, Instant issuedAt) {
}
