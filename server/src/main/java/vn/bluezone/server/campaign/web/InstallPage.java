package vn.bluezone.server.campaign.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.bluezone.api.ApiPaths;
import vn.bluezone.server.campaign.CampaignProperties;
import vn.bluezone.server.campaign.place.Place;
import vn.bluezone.server.campaign.place.PlaceService;

/**
 * {@code GET /i/{placeCode}}: the small public page a poster's QR code opens. It counts the view (a number per place
 * and day, nothing about the visitor) and shows the store links, the steps and the place code that the app sends
 * when it registers, so the install counts for the place.
 */
@Controller
public class InstallPage {
    private final PlaceService places;
    private final CampaignProperties properties;

    public InstallPage(PlaceService places, CampaignProperties properties) {
        this.places = places;
        this.properties = properties;
    }

    @GetMapping(ApiPaths.INSTALL_PAGE)
    public String show(@PathVariable String placeCode, Model model, HttpServletResponse response) {
        Place place = places.byCode(placeCode).orElse(null);
        if (place == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("placeCode", placeCode.length() > 16 ? placeCode.substring(0, 16) : placeCode);
            return "campaign/install-unknown";
        }
        places.recordView(place);
        model.addAttribute("place", place);
        model.addAttribute("androidUrl", properties.androidStoreUrl());
        model.addAttribute("iosUrl", properties.iosStoreUrl());
        return "campaign/install";
    }
}
