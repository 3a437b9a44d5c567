package vn.bluezone.android;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;
import static vn.bluezone.android.AppTestSupport.app;
import static vn.bluezone.android.AppTestSupport.bluezone;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import android.app.Notification;
import android.app.NotificationManager;
import android.bluetooth.BluetoothAdapter;
import android.bluetooth.le.ScanCallback;
import android.bluetooth.le.ScanSettings;
import android.os.Looper;
import android.widget.TextView;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.annotation.Config;
import org.robolectric.shadow.api.Shadow;
import org.robolectric.shadows.ShadowBluetoothLeScanner;

import vn.bluezone.android.ble.Air;
import vn.bluezone.android.ble.BleAdvertiser;
import vn.bluezone.android.ble.RadioStatus;
import vn.bluezone.android.ble.ServiceData;
import vn.bluezone.android.notify.Channels;
import vn.bluezone.android.store.AndroidDeviceStorage;
import vn.bluezone.android.testserver.KeyServerHarness;
import vn.bluezone.android.ui.HomeActivity;
import vn.bluezone.android.ui.WarningsActivity;
import vn.bluezone.device.DeviceEngine;
import vn.bluezone.device.ExposureCheckResult;
import vn.bluezone.device.calibration.DeviceCalibration;
import vn.bluezone.device.exposure.WarningLevel;
import vn.bluezone.device.report.PendingReport;
import vn.bluezone.device.server.HttpKeyServerClient;

/**
 * Phone A's advertisement (from the Android advertiser adapter) is heard by phone B (the app, through its Android
 * scanner adapter) for half an hour at about a metre; the next day A reports with a health officer's code, the
 * real key server publishes the signed export, B's exposure check finds the match and B shows an F1 warning as a
 * Vietnamese notification, on its warnings screen and on its home screen. The F1 advice names the server's
 * health hotline, or, from a server that sends none, the one the app ships.
 */
@RunWith(BluezoneTestRunner.class)
@Config(qualifiers = "vi-rVN")
public class ContactToWarningTest {
    @Test
    public void anAdvertisementHeardForHalfAnHourGivesAnF1WarningAfterTheReport() throws Exception {
        String body = f1WarningAfterContact(AppTestSupport.useTestServer());
        assertTrue("the F1 advice names the server's configured hotline: " + body,
                body.contains("đường dây nóng y tế " + KeyServerHarness.HEALTH_HOTLINE));
    }

    @Test
    public void withoutAServerHotlineTheF1AdviceNamesTheShippedOne() throws Exception {
        String body = f1WarningAfterContact(AppTestSupport.useTestServerWithoutHotline());
        assertEquals("the server sent none", null, bluezone().settings().healthHotline());
        assertTrue("the F1 advice names the app's shipped hotline (config.xml): " + body,
                body.contains("đường dây nóng y tế " + app().getString(R.string.hotline)));
        assertFalse(body, body.contains(KeyServerHarness.HEALTH_HOTLINE));
    }

    /**
     * A heard by B for 40 minutes; A reports the next day; B's check (the app's, through {@link AppActions}) gives
     * the F1 warning, as a notification, on the warnings screen and on the home screen. Returns the warning's text
     * as the warnings screen shows it.
     */
    private static String f1WarningAfterContact(KeyServerHarness server) throws Exception {
        AppTestSupport.bluetoothOn(true);
        AppTestSupport.grantBluetooth();
        Bluezone bz = bluezone();
        bz.settings().setOnboarded(true);
        DeviceEngine phoneB = bz.engine();
        BluetoothAdapter adapter = bz.bluetoothAdapter();
        BleAdvertiser advertiserA = new BleAdvertiser(adapter, new RadioStatus());
        DeviceEngine phoneA = new DeviceEngine(phoneB.config(), server.clock(), advertiserA,
                (window, listener) -> listener.onScanFinished(), AndroidDeviceStorage.open(app(), "phone-a.db"),
                (w, title, body) -> { }, new HttpKeyServerClient(URI.create(server.baseUrl())), new SecureRandom());

        // About a metre: attenuation = A's TX power - (RSSI + B's correction) = 50 dB.
        DeviceCalibration cal = phoneB.config().calibration();
        int rssi = cal.txPower() - cal.rssiCorrection() - 50;
        LocalDate contactDay = server.clock().instant().atZone(ZoneOffset.UTC).toLocalDate();
        ShadowBluetoothLeScanner air = Shadow.extract(adapter.getBluetoothLeScanner());
        int scansHeard = 0;
        for (int s = 0; s < 40 * 60; s += 5) {
            server.advanceSeconds(5);
            phoneA.tick();
            phoneB.tick();
            Set<ScanCallback> listening = Set.copyOf(air.getScanCallbacks());
            if (!listening.isEmpty()) {
                scansHeard++;
                for (ScanCallback cb : listening) {
                    for (int packet = 0; packet < 10; packet++) {
                        cb.onScanResult(ScanSettings.CALLBACK_TYPE_ALL_MATCHES, Air.heard(
                                ServiceData.advertiseData(advertiserA.current()), "3A:11:22:33:44:55", rssi));
                    }
                }
                shadowOf(Looper.getMainLooper()).idleFor(phoneB.dutyCycle().window());
            }
        }
        assertTrue("B scanned during the contact: " + scansHeard, scansHeard >= 6);
        assertTrue(phoneB.storage().sightingCount() >= 6);

        // Next day: A's health officer gives a code; A consents and uploads; the server publishes.
        server.advanceMinutes(24 * 60);
        PendingReport pending = phoneA.report().verify(server.issueCode(contactDay.toString()));
        assertTrue(pending.days().contains(contactDay));
        phoneA.report().uploadWithConsent(pending);
        assertTrue("export files written", server.publish() > 0);

        ExposureCheckResult result = new AppActions(bz).checkExposures();
        assertEquals(List.of(), result.filesRejected());
        assertTrue("A's key matched: " + result, result.keysMatched() >= 1);
        assertEquals(1, result.warnings().size());
        assertEquals(WarningLevel.F1, result.warnings().get(0).level());
        assertEquals(contactDay, result.warnings().get(0).contactDay());

        List<Notification> shown = shadowOf(app().getSystemService(NotificationManager.class))
                .getAllNotifications();
        Notification warning = shown.stream().filter(n -> Channels.WARNINGS.equals(n.getChannelId())).findFirst()
                .orElseThrow();
        String title = warning.extras.getString(Notification.EXTRA_TITLE);
        String text = warning.extras.getCharSequence(Notification.EXTRA_TEXT).toString();
        assertEquals("Bạn có thể đã tiếp xúc gần với ca bệnh COVID-19 (F1)", title);
        assertTrue(text, text.contains("Ngày tiếp xúc: "));

        WarningsActivity list = Robolectric.buildActivity(WarningsActivity.class).setup().get();
        assertEquals(title, ((TextView) list.findViewById(R.id.warning_title)).getText().toString());
        String body = ((TextView) list.findViewById(R.id.warning_body)).getText().toString();
        HomeActivity home = Robolectric.buildActivity(HomeActivity.class).setup().get();
        assertEquals(home.getString(R.string.home_state_exposed),
                ((TextView) home.findViewById(R.id.home_state)).getText().toString());
        phoneA.close();
        return body;
    }
}
