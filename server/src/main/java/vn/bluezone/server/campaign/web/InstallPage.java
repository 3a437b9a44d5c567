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
 * when it registers, so the install counts for the place. Until the app is in the stores it also offers the APK
 * built from this repository ({@code bluezone.android.apk}: size, version, SHA-256), and a button that opens the
 * installed app with the place code (an Android intent link, {@link AppLinks}).
 */
@Controller
public class InstallPage {
    private final PlaceService places;
    private final CampaignProperties properties;
    private final AppLinks links;
    private final AndroidApk apk;

    public InstallPage(PlaceService places, CampaignProperties properties, AppLinks links, AndroidApk apk) {
        this.places = places;
        this.properties = properties;
        this.links = links;
        this.apk = apk;
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
        model.addAttribute("openAppUrl", links.placeIntent(place.code()));
        stores(model, properties, links, apk);
        return "campaign/install";
    }

    /** The store links and, when one is offered, the APK (address, size in Vietnamese numbers, version, SHA-256). */
    static void stores(Model model, CampaignProperties properties, AppLinks links, AndroidApk apk) {
        model.addAttribute("androidUrl", properties.androidStoreUrl());
        model.addAttribute("iosUrl", properties.iosStoreUrl());
        apk.current().ifPresent(info -> {
            model.addAttribute("apkUrl", links.apkUrl());
            model.addAttribute("apkSize", vn.bluezone.server.console.Formats.decimal(info.size() / 1_048_576.0, 1)
                    + " MB (" + vn.bluezone.server.console.Formats.decimal(info.size(), 0) + " byte)");
            model.addAttribute("apkVersion", info.version());
            model.addAttribute("apkSha256", info.sha256());
        });
    }
}
