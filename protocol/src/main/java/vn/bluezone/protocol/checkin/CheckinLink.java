package vn.bluezone.protocol.checkin;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * {@code https://<server>/i/{placeCode}#<base64url payload>}: the poster's one QR. A browser opens the install
 * page and never sends the fragment to the server; the app reads the fragment and checks in.
 */
public record CheckinLink(String baseUrl, String placeCode, PlacePayload payload) {
    private static final Pattern PLACE_CODE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public String toUrl() {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + "/i/" + placeCode + "#" + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.bytes());
    }

    /** Reads a scanned or opened link; a link without a payload (an install-only poster) is refused. */
    public static CheckinLink parse(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            throw new CheckinFormatException("BAD_LINK", "not a link: " + e.getReason());
        }
        String path = uri.getRawPath();
        int at = path == null ? -1 : path.lastIndexOf("/i/");
        if (uri.getScheme() == null || uri.getRawAuthority() == null || at < 0) {
            throw new CheckinFormatException("BAD_LINK", "a check-in link looks like https://server/i/CODE#PAYLOAD");
        }
        String code = path.substring(at + 3);
        if (!PLACE_CODE.matcher(code).matches()) {
            throw new CheckinFormatException("BAD_LINK", "the place code in the link is not valid");
        }
        String fragment = uri.getRawFragment();
        if (fragment == null || fragment.isEmpty()) {
            throw new CheckinFormatException("NO_PAYLOAD", "this poster's link has no check-in data (install link only)");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(fragment);
        } catch (IllegalArgumentException e) {
            throw new CheckinFormatException("BAD_PAYLOAD", "the check-in data in the link is not base64url");
        }
        String base = uri.getScheme() + "://" + uri.getRawAuthority() + path.substring(0, at);
        return new CheckinLink(base, code, PlacePayload.parse(bytes));
    }
}
