package vn.bluezone.server.campaign.place;

/** A public place with a poster; {@code code} is what the install link and the poster carry. */
public record Place(long id, String code, String communeCode, String villageCode, PlaceKind kind, String name,
        String contact) {
}
