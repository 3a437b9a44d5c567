package vn.bluezone.android.ui;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;
import static vn.bluezone.android.AppTestSupport.app;
import static vn.bluezone.android.AppTestSupport.bluezone;

import android.content.Intent;
import android.net.Uri;
import android.view.View;
import android.widget.EditText;
import android.widget.TextView;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.android.controller.ActivityController;
import org.robolectric.annotation.Config;

import vn.bluezone.android.AppTestSupport;
import vn.bluezone.android.BluezoneTestRunner;
import vn.bluezone.android.InstallLink;
import vn.bluezone.android.R;
import vn.bluezone.android.registry.Registration;
import vn.bluezone.android.service.EngineService;
import vn.bluezone.android.testserver.KeyServerHarness;

/**
 * First run against the real key server: the install page's link opens the app with its place code, the user goes
 * through the first run, the install registers with that code; without network, or with Bluetooth refused, the
 * user is told what happens.
 */
@RunWith(BluezoneTestRunner.class)
@Config(qualifiers = "vi-rVN")
public class FirstRunTest {
    private static final String PLACE = "CHO-DONG-BA";

    /** The app opened from {@code https://<server>/i/{place}}: first run, then registration with that place. */
    private ActivityController<OnboardingActivity> openFromInstallPage() {
        Intent link = new Intent(Intent.ACTION_VIEW, Uri.parse("https://bluezone.gov.vn/i/" + PLACE));
        HomeActivity home = Robolectric.buildActivity(HomeActivity.class, link).setup().get();
        Intent next = shadowOf(home).getNextStartedActivity();
        assertEquals(OnboardingActivity.class.getName(), next.getComponent().getClassName());
        assertTrue("not onboarded: home hands over", home.isFinishing());
        return Robolectric.buildActivity(OnboardingActivity.class, next).setup();
    }

    @Test
    public void aPlaceCodeFromTheInstallPageReachesTheServerWithTheRegistration() {
        KeyServerHarness server = AppTestSupport.useTestServer();
        AppTestSupport.bluetoothOn(true);
        AppTestSupport.grantBluetooth();
        long before = server.devices();
        OnboardingActivity a = openFromInstallPage().get();
        assertEquals(new InstallLink(InstallLink.Kind.PLACE, PLACE), bluezone().settings().installLink());
        assertEquals("Cài đặt từ mã: " + PLACE, ((TextView) a.findViewById(R.id.onboarding_source)).getText()
                .toString());
        assertEquals("Chào mừng bạn đến với Bluezone",
                ((TextView) a.findViewById(R.id.onboarding_title)).getText().toString());
        ((EditText) a.findViewById(R.id.onboarding_commune)).setText("19873");
        a.findViewById(R.id.onboarding_start).performClick();
        AppTestSupport.idleMain();

        Registration r = bluezone().settings().registration();
        assertNotNull("registered", r);
        assertEquals(before + 1, server.devices());
        assertEquals(PLACE, server.placeCodeOf(r.deviceId()));
        assertEquals(8, r.installCode().length());
        assertTrue(bluezone().settings().onboarded());
        Intent service = shadowOf(app()).getNextStartedService();
        assertEquals(EngineService.class.getName(), service.getComponent().getClassName());
        Intent home = shadowOf(a).getNextStartedActivity();
        assertEquals(HomeActivity.class.getName(), home.getComponent().getClassName());
    }

    @Test
    public void withoutNetworkTheUserIsToldRegistrationWillBeRetried() {
        AppTestSupport.useNoNetwork();
        AppTestSupport.bluetoothOn(true);
        AppTestSupport.grantBluetooth();
        OnboardingActivity a = openFromInstallPage().get();
        a.findViewById(R.id.onboarding_start).performClick();
        AppTestSupport.idleMain();
        TextView status = a.findViewById(R.id.onboarding_status);
        assertEquals(View.VISIBLE, status.getVisibility());
        assertEquals(a.getString(R.string.onboarding_registration_offline), status.getText().toString());
        assertTrue(status.getText().toString().startsWith("Chưa kết nối được máy chủ"));
        assertNull(bluezone().settings().registration());
        assertTrue("protection runs without registration", bluezone().settings().onboarded());
        assertEquals(PLACE, bluezone().settings().installLink().code());
    }

    @Test
    public void refusingBluetoothSaysContactsAreNotNotedAndStartsNoService() {
        KeyServerHarness server = AppTestSupport.useTestServer();
        AppTestSupport.bluetoothOn(true);
        OnboardingActivity a = openFromInstallPage().get();
        a.findViewById(R.id.onboarding_start).performClick();
        String[] asked = shadowOf(a).getLastRequestedPermission().requestedPermissions;
        assertTrue(java.util.Arrays.asList(asked).contains(android.Manifest.permission.BLUETOOTH_SCAN));
        a.onRequestPermissionsResult(HomeActivity.REQUEST_PERMISSIONS, asked, new int[asked.length]);
        AppTestSupport.idleMain();
        TextView status = a.findViewById(R.id.onboarding_status);
        assertTrue(status.getText().toString().startsWith(a.getString(R.string.onboarding_permission_denied)));
        assertNull("no foreground service without permission", shadowOf(app()).getNextStartedService());
        assertNotNull("still registered", bluezone().settings().registration());
        assertNotNull(server.placeCodeOf(bluezone().settings().registration().deviceId()));
    }
}
