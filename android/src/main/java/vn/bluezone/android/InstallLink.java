package vn.bluezone.android;

import java.util.regex.Pattern;

import android.net.Uri;

/**
 * The code a link carries into the app: a place code from the install page a poster's QR opens
 * ({@code https://<server>/i/{placeCode}}, or {@code bluezone://install?place=CODE} from its intent link) or a
 * referral code from a shared invitation ({@code https://<server>/r/{referralCode}},
 * {@code bluezone://install?ref=CODE}).
 */
public record InstallLink(Kind kind, String code) {
    public enum Kind { PLACE, REFERRAL }

    /** What the server accepts for a place code (letters, digits, '-', 1..32) and a referral code. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{1,32}");

    public InstallLink {
        if (kind == null || code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not an install code: " + code);
        }
    }

    /** The code in a link, or null when the link carries none (or a malformed one, which is ignored). */
    public static InstallLink from(Uri uri) {
        if (uri == null) {
            return null;
        }
        boolean web = "https".equals(uri.getScheme()) && uri.getPathSegments().size() == 2;
        String ref = web && "r".equals(uri.getPathSegments().get(0)) ? uri.getPathSegments().get(1)
                : uri.getQueryParameter("ref");
        if (ref != null && CODE.matcher(ref).matches()) {
            return new InstallLink(Kind.REFERRAL, ref);
        }
        String place = uri.getQueryParameter("place");
        if (place == null && web && "i".equals(uri.getPathSegments().get(0))) {
            place = uri.getPathSegments().get(1);
        }
        return place != null && CODE.matcher(place).matches() ? new InstallLink(Kind.PLACE, place) : null;
    }

    /** A poster's check-in link: {@code https://<host>/i/{placeCode}#<payload>} (the fragment never reaches a server). */
    public static boolean isCheckin(Uri uri) {
        return uri != null && "https".equals(uri.getScheme()) && uri.getPathSegments().size() == 2
                && "i".equals(uri.getPathSegments().get(0)) && uri.getEncodedFragment() != null
                && !uri.getEncodedFragment().isEmpty();
    }

    /** The invitation link a user shares: opens the app when installed, else the install page. */
    public static String referralLink(String serverUrl, String referralCode) {
        String base = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        return base + "r/" + referralCode;
    }
}
