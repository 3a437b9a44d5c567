package vn.bluezone.android;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;
import static vn.bluezone.android.AppTestSupport.app;
import static vn.bluezone.android.AppTestSupport.bluezone;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import android.content.Intent;
import android.content.pm.ResolveInfo;
import android.net.Uri;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.annotation.Config;

import vn.bluezone.android.registry.Registration;
import vn.bluezone.android.testserver.KeyServerHarness;
import vn.bluezone.android.ui.HomeActivity;
import vn.bluezone.api.registry.DeviceRegistration;

/**
 * The links the server's public pages emit reach the app: the "open the app" intent link of the install page
 * {@code /i/{placeCode}} and of the referral page {@code /r/{referralCode}}, read from the real pages' HTML, is
 * parsed as Android parses it ({@link Intent#parseUri}), resolves to the app's link activity through the manifest's
 * intent filters, and gives the app the place or referral code; the poster's https link resolves too.
 */
@RunWith(BluezoneTestRunner.class)
@Config(qualifiers = "vi-rVN")
public class InstallPageLinkTest {
    private static final Pattern OPEN_APP = Pattern.compile("id=\"open-app\" href=\"([^\"]+)\"");

    private static String openAppLink(String url) throws Exception {
        HttpURLConnection c = (HttpURLConnection) new URL(url).openConnection();
        assertEquals(200, c.getResponseCode());
        try (InputStream in = c.getInputStream()) {
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = OPEN_APP.matcher(html);
            assertTrue("the page has an open-app link: " + url, m.find());
            assertTrue(!html.contains("localhost") && !html.contains("127.0.0.1"));
            return m.group(1).replace("&amp;", "&");
        }
    }

    /** What Chrome does with an intent link when the app is installed: the intent, resolved to our activity. */
    private static Intent resolved(String link) throws Exception {
        Intent intent = Intent.parseUri(link, Intent.URI_INTENT_SCHEME);
        assertEquals("vn.bluezone.android", intent.getPackage());
        intent.addCategory(Intent.CATEGORY_BROWSABLE);
        List<ResolveInfo> targets = app().getPackageManager().queryIntentActivities(intent, 0);
        assertEquals(link, 1, targets.size());
        assertEquals(HomeActivity.class.getName(), targets.get(0).activityInfo.name);
        return intent;
    }

    @Test
    public void theInstallPagesIntentLinkOpensTheAppWithThePlaceCode() throws Exception {
        KeyServerHarness server = AppTestSupport.useTestServer();
        String place = server.createPlace("MARKET", "Chợ Quảng Ngạn");
        String link = openAppLink(server.baseUrl() + "i/" + place);
        assertTrue(link, link.startsWith("intent://install?place=" + place + "#Intent;scheme=bluezone;"));
        Intent intent = resolved(link);
        assertEquals(new InstallLink(InstallLink.Kind.PLACE, place), InstallLink.from(intent.getData()));

        // Opened with it, a phone on its first run keeps the code for its registration.
        Robolectric.buildActivity(HomeActivity.class, intent).setup();
        assertEquals(new InstallLink(InstallLink.Kind.PLACE, place), bluezone().settings().installLink());

        // The poster's own https link (an app link) reaches the same activity with the same code.
        Intent web = new Intent(Intent.ACTION_VIEW, Uri.parse(server.posterLink(place)))
                .addCategory(Intent.CATEGORY_BROWSABLE);
        List<ResolveInfo> targets = app().getPackageManager().queryIntentActivities(web, 0);
        assertEquals(1, targets.size());
        assertEquals(new InstallLink(InstallLink.Kind.PLACE, place), InstallLink.from(web.getData()));
    }

    @Test
    public void theReferralPagesIntentLinkOpensTheAppWithTheReferralCode() throws Exception {
        KeyServerHarness server = AppTestSupport.useTestServer();
        Registration friend = bluezone().registry().register(new DeviceRegistration("android", "1.0.0", "Pixel",
                null, null, null, null, null));
        assertNotNull(friend.referralCode());
        String link = openAppLink(server.baseUrl() + "r/" + friend.referralCode());
        Intent intent = resolved(link);
        assertEquals(new InstallLink(InstallLink.Kind.REFERRAL, friend.referralCode()),
                InstallLink.from(intent.getData()));
        assertNotNull(shadowOf(app()));
    }
}
