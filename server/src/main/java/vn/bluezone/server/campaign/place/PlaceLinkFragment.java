package vn.bluezone.server.campaign.place;

/**
 * What a place's link carries after {@code #} (never sent to the server): the check-ins feature supplies its
 * payload through this interface (issue 14), so that places depend on no check-in class and the check-ins, which
 * are built on places, depend on them one way. Without a bean the poster carries the bare install URL.
 */
public interface PlaceLinkFragment {
    /** The fragment of the place's link, without the {@code #}. */
    String fragment(Place place);
}
