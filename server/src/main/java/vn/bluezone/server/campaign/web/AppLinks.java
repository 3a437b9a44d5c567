package vn.bluezone.server.campaign.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.bluezone.server.PublicUrl;
import vn.bluezone.server.campaign.CampaignProperties;

/**
 * The links the public install and referral pages carry, all from {@code bluezone.public-url} (never localhost):
 * the APK download, and the Android intent link that opens the installed app with the place or referral code
 * ({@code intent://install?place=CODE#Intent;scheme=bluezone;package=vn.bluezone.android;S.browser_fallback_url=…;end},
 * which the app's {@code bluezone://install} filter receives); without the app, Chrome follows the fallback: the
 * APK when one is offered, else the store page.
 */
@Component
public class AppLinks {
    /** The app's package name (android/AndroidManifest.xml). */
    public static final String PACKAGE = "vn.bluezone.android";

    private final PublicUrl publicUrl;
    private final CampaignProperties campaign;
    private final AndroidApk apk;

    public AppLinks(PublicUrl publicUrl, CampaignProperties campaign, AndroidApk apk) {
        this.publicUrl = publicUrl;
        this.campaign = campaign;
        this.apk = apk;
    }

    /** The APK's address: absolute from the public address, else the path alone (this host, whatever it is). */
    public String apkUrl() {
        return publicUrl.resolve(ApkDownload.PATH).orElse(ApkDownload.PATH);
    }

    /** Opens the app with a place code. */
    public String placeIntent(String placeCode) {
        return intent("place", placeCode);
    }

    /** Opens the app with a referral code. */
    public String referralIntent(String referralCode) {
        return intent("ref", referralCode);
    }

    private String intent(String parameter, String code) {
        String fallback = apk.current().isPresent() ? publicUrl.resolve(ApkDownload.PATH).orElse(null)
                : campaign.androidStoreUrl();
        return "intent://install?" + parameter + "=" + URLEncoder.encode(code, StandardCharsets.UTF_8)
                + "#Intent;scheme=bluezone;package=" + PACKAGE
                + Optional.ofNullable(fallback).map(f -> ";S.browser_fallback_url="
                        + URLEncoder.encode(f, StandardCharsets.UTF_8)).orElse("")
                + ";end";
    }
}
