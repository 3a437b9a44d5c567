package vn.bluezone.android;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;
import static vn.bluezone.android.AppTestSupport.app;
import static vn.bluezone.android.AppTestSupport.bluezone;

import java.util.List;

import android.app.Notification;
import android.app.NotificationManager;
import android.content.Intent;
import android.net.Uri;
import android.view.View;
import android.view.ViewGroup;
import android.widget.CheckBox;
import android.widget.EditText;
import android.widget.TextView;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.annotation.Config;
import org.robolectric.annotation.GraphicsMode;

import vn.bluezone.android.notify.Channels;
import vn.bluezone.android.store.AndroidCheckinStore;
import vn.bluezone.android.store.AndroidDeviceStorage;
import vn.bluezone.android.store.WarningJournal;
import vn.bluezone.android.testserver.KeyServerHarness;
import vn.bluezone.android.ui.CheckinActivity;
import vn.bluezone.android.ui.CheckinListActivity;
import vn.bluezone.android.ui.HomeActivity;
import vn.bluezone.android.ui.ReportActivity;
import vn.bluezone.android.ui.Screenshots;
import vn.bluezone.android.ui.WarningsActivity;
import vn.bluezone.device.checkin.CheckinCheckResult;
import vn.bluezone.device.checkin.CheckinEngine;
import vn.bluezone.device.checkin.CheckinWarning;

/**
 * Check-ins end to end against the real key server. Phone A (the app) opens the market's poster link and the
 * eatery's, and checks out by hand on its list; phone B (the app's check-in engine and notifier on a database of
 * its own) was at the market at the same time, phone C at the eatery. A reports a positive test and, on the
 * consent screen, leaves the market ticked and unticks the eatery: only one check-in reaches the server. After the
 * server's packages are built, B gets a Vietnamese check-in warning notification naming the market; C gets none; A
 * is not warned about its own check-in. The advice names the server's health hotline, or, from a server that sends
 * none, the one the app ships.
 */
@RunWith(BluezoneTestRunner.class)
@Config(qualifiers = "vi-rVN-w360dp-h780dp-xhdpi")
@GraphicsMode(GraphicsMode.Mode.NATIVE)
public class CheckinToWarningTest {
    private static String text(android.app.Activity a, int id) {
        return ((TextView) a.findViewById(id)).getText().toString();
    }

    /** The app opened from a poster's link, as the camera app or a browser opens it. */
    private static CheckinActivity openPosterLink(String link) {
        HomeActivity home = Robolectric.buildActivity(HomeActivity.class,
                new Intent(Intent.ACTION_VIEW, Uri.parse(link))).setup().get();
        Intent next = shadowOf(home).getNextStartedActivity();
        assertNotNull("the link goes to the check-in screen", next);
        assertEquals(CheckinActivity.class.getName(), next.getComponent().getClassName());
        CheckinActivity a = Robolectric.buildActivity(CheckinActivity.class, next).setup().get();
        AppTestSupport.idleMain();
        return a;
    }

    @Test
    public void aTickedCheckinWarnsWhoWasThereAndAnUntickedOneIsNotSent() throws Exception {
        KeyServerHarness server = AppTestSupport.useTestServer();
        AppTestSupport.bluetoothOn(true);
        AppTestSupport.grantBluetooth();
        Bluezone bz = bluezone();
        bz.settings().setOnboarded(true);
        bz.engine().updateAdvertisement(); // A has today's key
        String marketLink = server.posterLink(server.createPlace("MARKET", "Chợ Hà Lạc"));
        String eateryLink = server.posterLink(server.createPlace("EATERY", "Quán cơm Bà Lan"));
        assertTrue(marketLink, marketLink.startsWith("https://bluezone.gov.vn/i/") && marketLink.contains("#"));

        AndroidDeviceStorage bDb = AndroidDeviceStorage.open(app(), "phone-b.db");
        AndroidDeviceStorage cDb = AndroidDeviceStorage.open(app(), "phone-c.db");
        CheckinEngine b = bz.checkinEngine(new AndroidCheckinStore(bDb), new WarningJournal(bDb));
        CheckinEngine c = bz.checkinEngine(new AndroidCheckinStore(cDb), new WarningJournal(cDb));

        // The market: A for 40 minutes (checks out on its list), B from 5 minutes later for 40 minutes.
        CheckinActivity atMarket = openPosterLink(marketLink);
        assertTrue(text(atMarket, R.id.checkin_status), text(atMarket, R.id.checkin_status)
                .startsWith("Đã check-in tại Chợ Hà Lạc lúc "));
        server.advanceMinutes(5);
        long bId = b.book().checkIn(marketLink).id();
        server.advanceMinutes(35);
        CheckinListActivity list = Robolectric.buildActivity(CheckinListActivity.class).setup().get();
        AppTestSupport.idleMain();
        View marketItem = ((ViewGroup) list.findViewById(R.id.checkins_list)).getChildAt(0);
        assertTrue(((TextView) marketItem.findViewById(R.id.checkin_when)).getText().toString().endsWith("(đang ở đây)"));
        marketItem.findViewById(R.id.checkin_out).performClick();
        AppTestSupport.idleMain();
        server.advanceMinutes(5);
        b.book().checkOut(bId);

        // The eatery, two hours later: A and C for half an hour.
        server.advanceMinutes(120);
        openPosterLink(eateryLink);
        long cId = c.book().checkIn(eateryLink).id();
        server.advanceMinutes(30);
        assertEquals(2, bz.checkins().book().list().size());
        bz.checkins().book().checkOut(bz.checkins().book().list().get(1).id());
        c.book().checkOut(cId);

        // A tests positive: the consent screen lists both check-ins ticked; A unticks the eatery.
        server.advanceMinutes(60);
        String today = server.clock().instant().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate().toString();
        ReportActivity report = Robolectric.buildActivity(ReportActivity.class).setup().get();
        ((EditText) report.findViewById(R.id.report_code)).setText(server.issueCode(today));
        report.findViewById(R.id.report_verify).performClick();
        AppTestSupport.idleMain();
        ViewGroup ticks = report.findViewById(R.id.report_checkins);
        assertEquals(2, ticks.getChildCount());
        assertEquals(View.VISIBLE, report.findViewById(R.id.report_checkins_title).getVisibility());
        CheckBox market = (CheckBox) ticks.getChildAt(0);
        CheckBox eatery = (CheckBox) ticks.getChildAt(1);
        assertTrue(market.getText().toString(), market.getText().toString().startsWith("Chợ Hà Lạc, ngày "));
        assertTrue(eatery.getText().toString().startsWith("Quán cơm Bà Lan"));
        assertTrue(market.isChecked() && eatery.isChecked());
        eatery.setChecked(false);
        shadowOf(android.os.Looper.getMainLooper()).idleFor(java.time.Duration.ofSeconds(1)); // the tick's animation
        Screenshots.take(report, "12-report-checkins-vi");
        long reportsBefore = server.checkinReports();
        ((CheckBox) report.findViewById(R.id.report_consent)).setChecked(true);
        report.findViewById(R.id.report_upload).performClick();
        AppTestSupport.idleMain();
        // The keys of every day the phone has (one, or two when the afternoon crossed midnight), one check-in.
        String done = text(report, R.id.report_status);
        assertTrue(done, done.matches("Đã gửi [12] khóa và 1 lần check-in\\. Cảm ơn bạn đã giúp cảnh báo "
                + "những người đã tiếp xúc\\."));
        assertEquals("only the ticked check-in was uploaded", reportsBefore + 1, server.checkinReports());

        // The server publishes; B is warned with the market's name, C (the unticked eatery) is not, nor A.
        assertTrue(server.publishCheckins() > 0);
        CheckinCheckResult atB = b.check();
        assertEquals(atB.toString(), List.of(), atB.rejected());
        assertEquals("accepted through the day's signed manifest", atB.packagesRead(), atB.packagesViaManifest());
        assertEquals(1, atB.warnings().size());
        assertEquals(CheckinWarning.Kind.CASE, atB.warnings().get(0).kind());
        assertEquals("Chợ Hà Lạc", atB.warnings().get(0).placeName());
        assertEquals(0, c.check().warnings().size());
        assertEquals(0, bz.checkins().check().warnings().size());

        Notification n = shadowOf(app().getSystemService(NotificationManager.class)).getAllNotifications().stream()
                .filter(x -> Channels.WARNINGS.equals(x.getChannelId())).findFirst().orElseThrow();
        assertEquals("Cảnh báo: có ca bệnh tại nơi bạn đã đến", n.extras.getString(Notification.EXTRA_TITLE));
        String body = n.extras.getCharSequence(Notification.EXTRA_TEXT).toString();
        assertTrue(body, body.contains("Chợ Hà Lạc") && body.contains("trùng khoảng "));
        // The advice names the hotline of the server's signed configuration, not a number of the app's bundles.
        assertTrue(body, body.contains("đường dây nóng " + KeyServerHarness.HEALTH_HOTLINE));
        List<WarningJournal.Entry> bJournal = new WarningJournal(bDb).all();
        assertEquals(1, bJournal.size());
        assertTrue(bJournal.get(0).isCheckin());
        assertTrue("A's own journal has no check-in warning", bz.warnings().all().isEmpty());
        bDb.close();
        cDb.close();
    }

    @Test
    public void withoutAServerHotlineTheCheckinAdviceNamesTheShippedOne() throws Exception {
        KeyServerHarness server = AppTestSupport.useTestServerWithoutHotline();
        Bluezone bz = bluezone();
        bz.settings().setOnboarded(true);
        bz.engine().updateAdvertisement();
        String link = server.posterLink(server.createPlace("MARKET", "Chợ Đồng Xuân"));
        AndroidDeviceStorage bDb = AndroidDeviceStorage.open(app(), "phone-b.db");
        CheckinEngine b = bz.checkinEngine(new AndroidCheckinStore(bDb), new WarningJournal(bDb));
        long aId = bz.checkins().book().checkIn(link).id();
        long bId = b.book().checkIn(link).id();
        server.advanceMinutes(40);
        bz.checkins().book().checkOut(aId);
        b.book().checkOut(bId);

        server.advanceMinutes(60);
        String today = server.clock().instant().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate().toString();
        vn.bluezone.device.report.PendingReport pending = bz.engine().report().verify(server.issueCode(today));
        assertEquals(1, bz.engine().report().uploadWithConsent(pending, bz.checkins().reportsToShare(List.of(aId)))
                .checkinsAccepted());
        assertTrue(server.publishCheckins() > 0);
        CheckinCheckResult atB = b.check();
        assertEquals(atB.toString(), 1, atB.warnings().size());
        assertEquals("Chợ Đồng Xuân", atB.warnings().get(0).placeName());
        String shipped = app().getString(R.string.hotline);
        assertEquals(shipped, b.healthHotline());
        Notification n = shadowOf(app().getSystemService(NotificationManager.class)).getAllNotifications().stream()
                .filter(x -> Channels.WARNINGS.equals(x.getChannelId())).findFirst().orElseThrow();
        String body = n.extras.getCharSequence(Notification.EXTRA_TEXT).toString();
        assertTrue(body, body.contains("đường dây nóng " + shipped));
        assertFalse(body, body.contains(KeyServerHarness.HEALTH_HOTLINE));

        // The app's check keeps no server hotline: the warnings screen shows and dials the shipped one too.
        new AppActions(bz).checkExposures();
        assertEquals(null, bz.settings().healthHotline());
        WarningsActivity screen = Robolectric.buildActivity(WarningsActivity.class).setup().get();
        assertEquals("Đường dây nóng của trạm y tế: " + shipped, text(screen, R.id.warnings_hotline));
        bDb.close();
    }

    @Test
    public void theHotlineComesFromTheServersConfiguration() throws Exception {
        KeyServerHarness server = AppTestSupport.useTestServer();
        Bluezone bz = bluezone();
        bz.settings().setOnboarded(true);
        WarningsActivity before = Robolectric.buildActivity(WarningsActivity.class).setup().get();
        assertEquals("Đường dây nóng của trạm y tế: 1900 9095", text(before, R.id.warnings_hotline));

        new AppActions(bz).checkExposures();
        assertEquals(KeyServerHarness.HEALTH_HOTLINE, bz.settings().healthHotline());
        WarningsActivity after = Robolectric.buildActivity(WarningsActivity.class).setup().get();
        assertEquals("Đường dây nóng của trạm y tế: " + KeyServerHarness.HEALTH_HOTLINE,
                text(after, R.id.warnings_hotline));
        after.findViewById(R.id.warnings_call).performClick();
        Intent dial = shadowOf(after).getNextStartedActivity();
        assertEquals(Intent.ACTION_DIAL, dial.getAction());
        assertEquals("tel:02323822123", dial.getData().toString());
        assertFalse(server.baseUrl().isEmpty());
    }
}
