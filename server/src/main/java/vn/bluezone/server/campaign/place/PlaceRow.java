package vn.bluezone.server.campaign.place;

/** A place with its install page views and the installs that arrived with its code. */
public record PlaceRow(Place place, long views, long installs) {
}
