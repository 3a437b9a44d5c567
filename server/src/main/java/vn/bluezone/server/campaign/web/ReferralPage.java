package vn.bluezone.server.campaign.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.bluezone.api.ApiPaths;
import vn.bluezone.server.campaign.CampaignProperties;
import vn.bluezone.server.campaign.referral.ReferralViews;

/**
 * {@code GET /r/{referralCode}}: the page a shared invitation opens on a phone without the app (with the app, the
 * link opens it directly). It invites the person to install (stores, and the APK while the app is not in them),
 * opens an installed app with the referral code (intent link), and counts the view (a number per code and day).
 * An unknown code gets a friendly Vietnamese 404 page.
 */
@Controller
public class ReferralPage {
    private final ReferralViews referrals;
    private final CampaignProperties properties;
    private final AppLinks links;
    private final AndroidApk apk;

    public ReferralPage(ReferralViews referrals, CampaignProperties properties, AppLinks links, AndroidApk apk) {
        this.referrals = referrals;
        this.properties = properties;
        this.links = links;
        this.apk = apk;
    }

    @GetMapping(ApiPaths.REFERRAL_PAGE)
    public String show(@PathVariable String referralCode, Model model, HttpServletResponse response) {
        String code = referrals.known(referralCode).orElse(null);
        if (code == null) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("referralCode", referralCode.length() > 16 ? referralCode.substring(0, 16) : referralCode);
            model.addAttribute("androidUrl", properties.androidStoreUrl());
            model.addAttribute("iosUrl", properties.iosStoreUrl());
            return "campaign/referral-unknown";
        }
        referrals.recordView(code);
        model.addAttribute("referralCode", code);
        model.addAttribute("openAppUrl", links.referralIntent(code));
        InstallPage.stores(model, properties, links, apk);
        return "campaign/referral";
    }
}
