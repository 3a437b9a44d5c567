package vn.bluezone.server.campaign.place;

import vn.bluezone.api.ErrorCode;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.bluezone.server.PublicUrl;
import vn.bluezone.server.campaign.CampaignProblem;

/**
 * What a place's poster carries: the install page address ({@code <bluezone.public-url>/i/{code}}) as printed text
 * and as QR content. The QR content is built in {@link #qrContent(Place)} alone so a later payload (a check-in
 * for the place, say) changes one method. Without a public address nothing is printed: {@link #requireInstallUrl}
 * refuses with {@code PUBLIC_URL_MISSING} (409).
 */
@Component
public class PlaceLinks {

    private final PublicUrl publicUrl;
    private final ObjectProvider<PlaceLinkFragment> fragments;

    public PlaceLinks(PublicUrl publicUrl, ObjectProvider<PlaceLinkFragment> fragments) {
        this.publicUrl = publicUrl;
        this.fragments = fragments;
    }

    /** The install page's address, when a public address is configured. */
    public Optional<String> installUrl(Place place) {
        return publicUrl.resolve("/i/" + place.code());
    }

    /** {@code <public-url>/i/}: what every poster's address starts with, shown to officials before printing. */
    public Optional<String> installPrefix() {
        return publicUrl.resolve("/i/");
    }

    public String requireInstallUrl(Place place) {
        return installUrl(place).orElseThrow(() -> new CampaignProblem(ErrorCode.PUBLIC_URL_MISSING, "no public address is "
                + "configured: set " + PublicUrl.SETTING + " (" + PublicUrl.ENVIRONMENT + ") to the address phones "
                + "reach this server at; a poster must not carry localhost or no address"));
    }

    /** The check-in link: the install URL of the place's poster with the payload in the fragment. */
    public static String link(String installUrl, String fragment) {
        return installUrl + "#" + fragment;
    }

    /** What the poster's QR code encodes. */
    public String qrContent(Place place) {
        // Issue 14: the install URL with the place's check-in payload in the fragment (never sent to the server).
        PlaceLinkFragment fragment = fragments.getIfAvailable();
        String url = requireInstallUrl(place);
        return fragment == null ? url : link(url, fragment.fragment(place));
    }
}
