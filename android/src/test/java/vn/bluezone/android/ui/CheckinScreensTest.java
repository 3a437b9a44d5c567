package vn.bluezone.android.ui;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;
import static vn.bluezone.android.AppTestSupport.bluezone;

import java.security.SecureRandom;
import java.time.Instant;

import android.app.Activity;
import android.content.Intent;
import android.net.Uri;
import android.view.View;
import android.view.ViewGroup;
import android.widget.EditText;
import android.widget.TextView;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.annotation.Config;
import org.robolectric.annotation.GraphicsMode;
import org.robolectric.shadows.ShadowActivity;

import vn.bluezone.android.AppTestSupport;
import vn.bluezone.android.BluezoneTestRunner;
import vn.bluezone.android.R;
import vn.bluezone.android.testserver.KeyServerHarness;
import vn.bluezone.device.checkin.CheckinWarning;
import vn.bluezone.device.checkin.CheckinWarningMessages;
import vn.bluezone.device.exposure.ClosenessBucket;
import vn.bluezone.device.exposure.DurationBucket;
import vn.bluezone.device.exposure.ExposureWarning;
import vn.bluezone.device.exposure.WarningLevel;
import vn.bluezone.device.messages.RenderedWarning;
import vn.bluezone.device.messages.WarningMessages;
import vn.bluezone.protocol.checkin.CheckinLink;
import vn.bluezone.protocol.checkin.PlacePayload;

/**
 * The check-in screens (issue 14 in the app): scan (a scanner app's result, or the camera-app advice when there is
 * none), the list (place, day dd/mm/yyyy, times in Vietnam time, check out, edit times with the engine's checks),
 * and a check-in warning beside a Bluetooth one; Vietnamese, and English on an English phone; screenshots.
 */
@RunWith(BluezoneTestRunner.class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
public class CheckinScreensTest {
    private static final String VI = "vi-rVN-w360dp-h780dp-xhdpi";
    private static final String EN = "en-rUS-w360dp-h780dp-xhdpi";

    /** A market's poster link (payload made here: the screens need no server place). */
    private static String marketLink() {
        return new CheckinLink("https://bluezone.gov.vn", "MKT234", PlacePayload.create("Chợ Hà Lạc",
                "Thôn Hà Lạc, xã Quảng Ngạn", 0, 0, 60, new SecureRandom())).toUrl();
    }

    private static String text(Activity a, int id) {
        return ((TextView) a.findViewById(id)).getText().toString();
    }

    private static String text(View v, int id) {
        return ((TextView) v.findViewById(id)).getText().toString();
    }

    private static <T extends Activity> T start(Class<T> screen, String shot) {
        T a = Robolectric.buildActivity(screen).setup().get();
        AppTestSupport.idleMain();
        Screenshots.take(a, shot);
        return a;
    }

    /** The server's time set to 06:00 in Vietnam on a day after every earlier test's. */
    private static KeyServerHarness phone() {
        KeyServerHarness server = AppTestSupport.useTestServer();
        bluezone().settings().setOnboarded(true);
        Instant now = server.clock().instant();
        java.time.ZonedDateTime six = now.atZone(Formats.VIETNAM).toLocalDate().plusDays(1).atTime(6, 0)
                .atZone(Formats.VIETNAM);
        server.advanceSeconds(six.toEpochSecond() - now.getEpochSecond());
        return server;
    }

    @Test
    @Config(qualifiers = VI)
    public void scanAListAndEditTimesInVietnamese() throws Exception {
        KeyServerHarness server = phone();
        CheckinActivity scan = start(CheckinActivity.class, "09-checkin-vi");
        assertEquals("Quét mã QR", text(scan, R.id.checkin_scan));
        assertTrue(text(scan, R.id.checkin_explain).startsWith("Quét mã QR trên áp phích Bluezone"));

        // No scanner app on the phone: the screen says to open the code with the camera app.
        shadowOf(AppTestSupport.app()).checkActivities(true);
        scan.findViewById(R.id.checkin_scan).performClick();
        assertTrue(text(scan, R.id.checkin_status).startsWith("Điện thoại chưa có ứng dụng quét mã"));
        shadowOf(AppTestSupport.app()).checkActivities(false);

        // A scanner app answers the ZXing SCAN intent with the poster's link: checked in.
        scan.findViewById(R.id.checkin_scan).performClick();
        ShadowActivity.IntentForResult asked = shadowOf(scan).getNextStartedActivityForResult();
        assertEquals("com.google.zxing.client.android.SCAN", asked.intent.getAction());
        shadowOf(scan).receiveResult(asked.intent, Activity.RESULT_OK,
                new Intent().putExtra("SCAN_RESULT", marketLink()));
        AppTestSupport.idleMain();
        assertEquals("Đã check-in tại Chợ Hà Lạc lúc 06:00. Bluezone sẽ tự check-out lúc 07:00; bạn có thể "
                + "check-out sớm hơn trong danh sách.", text(scan, R.id.checkin_status));
        Screenshots.take(scan, "10-checkin-done-vi");

        // A code that is not a check-in: the engine's refusal in words.
        scan.findViewById(R.id.checkin_scan).performClick();
        shadowOf(scan).receiveResult(shadowOf(scan).getNextStartedActivityForResult().intent, Activity.RESULT_OK,
                new Intent().putExtra("SCAN_RESULT", "https://bluezone.gov.vn/i/MKT234"));
        AppTestSupport.idleMain();
        assertEquals("Mã này chỉ để cài đặt Bluezone, không dùng để check-in.", text(scan, R.id.checkin_status));

        server.advanceMinutes(20);
        CheckinListActivity list = start(CheckinListActivity.class, "11-checkins-vi");
        ViewGroup items = list.findViewById(R.id.checkins_list);
        assertEquals(1, items.getChildCount());
        View item = items.getChildAt(0);
        String day = Formats.day(server.clock().instant().atZone(Formats.VIETNAM).toLocalDate());
        assertEquals("Chợ Hà Lạc", ((TextView) item.findViewById(R.id.checkin_place)).getText().toString());
        assertEquals("Ngày " + day + ", từ 06:00 (đang ở đây)",
                ((TextView) item.findViewById(R.id.checkin_when)).getText().toString());
        item.findViewById(R.id.checkin_out).performClick();
        AppTestSupport.idleMain();
        item = ((ViewGroup) list.findViewById(R.id.checkins_list)).getChildAt(0);
        assertEquals("Ngày " + day + ", từ 06:00 đến 06:20",
                ((TextView) item.findViewById(R.id.checkin_when)).getText().toString());
        assertEquals(View.GONE, item.findViewById(R.id.checkin_out).getVisibility());

        // Edit: arrived 05:45, left 06:15; then an impossible pair is refused by the engine.
        item.findViewById(R.id.checkin_edit).performClick();
        assertEquals("Sửa giờ ở Chợ Hà Lạc ngày " + day + " (giờ Việt Nam, dạng 07:30)",
                text(list, R.id.checkins_edit_title));
        ((EditText) list.findViewById(R.id.checkins_edit_arrived)).setText("05:45");
        ((EditText) list.findViewById(R.id.checkins_edit_left)).setText("06:15");
        list.findViewById(R.id.checkins_edit_save).performClick();
        AppTestSupport.idleMain();
        assertEquals("Đã lưu giờ.", text(list, R.id.checkins_status));
        item = ((ViewGroup) list.findViewById(R.id.checkins_list)).getChildAt(0);
        assertEquals("Ngày " + day + ", từ 05:45 đến 06:15",
                ((TextView) item.findViewById(R.id.checkin_when)).getText().toString());
        item.findViewById(R.id.checkin_edit).performClick();
        ((EditText) list.findViewById(R.id.checkins_edit_left)).setText("05:30");
        list.findViewById(R.id.checkins_edit_save).performClick();
        AppTestSupport.idleMain();
        assertTrue(text(list, R.id.checkins_status).startsWith("Giờ không hợp lệ"));
        ((EditText) list.findViewById(R.id.checkins_edit_left)).setText("sáu giờ");
        list.findViewById(R.id.checkins_edit_save).performClick();
        assertEquals("Hãy nhập giờ dạng 07:30.", text(list, R.id.checkins_status));
        assertNotNull(server);
    }

    @Test
    @Config(qualifiers = EN)
    public void anEnglishPhoneGetsTheCheckinScreensInEnglish() {
        phone();
        CheckinActivity scan = start(CheckinActivity.class, "09-checkin-en");
        assertEquals("Scan QR code", text(scan, R.id.checkin_scan));
        CheckinActivity opened = Robolectric.buildActivity(CheckinActivity.class,
                new Intent(Intent.ACTION_VIEW, Uri.parse(marketLink()))).setup().get();
        AppTestSupport.idleMain();
        assertTrue(text(opened, R.id.checkin_status).startsWith("Checked in at Chợ Hà Lạc at 06:00."));
        Screenshots.take(opened, "10-checkin-done-en");
        CheckinListActivity list = start(CheckinListActivity.class, "11-checkins-en");
        View item = ((ViewGroup) list.findViewById(R.id.checkins_list)).getChildAt(0);
        assertTrue(((TextView) item.findViewById(R.id.checkin_when)).getText().toString().endsWith(
                ", from 06:00 (still there)"));
        assertEquals("Check out", ((TextView) item.findViewById(R.id.checkin_out)).getText().toString());
        assertEquals("Edit times", ((TextView) item.findViewById(R.id.checkin_edit)).getText().toString());
        HomeActivity home = start(HomeActivity.class, "02-home-checkin-en");
        assertEquals("Check in at a place (scan QR code)", text(home, R.id.home_checkin));
    }

    /** A check-in warning is listed beside a Bluetooth one, each labelled, in the phone's language. */
    private static WarningsActivity warningsWithACheckinWarning(java.util.Locale locale, String shot) {
        AppTestSupport.useNoNetwork();
        bluezone().settings().setOnboarded(true);
        CheckinWarning w = new CheckinWarning(CheckinWarning.Kind.CASE, 1, "Chợ Hà Lạc", "Thôn Hà Lạc",
                java.time.LocalDate.of(2021, 7, 20), 35, "");
        RenderedWarning t = CheckinWarningMessages.render(w, locale);
        bluezone().warnings().add(w, t.title(), t.body(), Instant.parse("2021-07-21T01:00:00Z"));
        ExposureWarning f1 = new ExposureWarning(WarningLevel.F1, java.time.LocalDate.of(2021, 7, 19), 40,
                DurationBucket.FROM_30_TO_60_MINUTES, ClosenessBucket.VERY_CLOSE, 2, 15,
                Instant.parse("2021-07-21T01:00:00Z"));
        RenderedWarning bt = WarningMessages.render(f1, locale);
        bluezone().warnings().add(f1, bt.title(), bt.body(), Instant.parse("2021-07-21T01:00:00Z"));
        return start(WarningsActivity.class, shot);
    }

    @Test
    @Config(qualifiers = VI)
    public void checkinWarningsStandBesideBluetoothOnesInVietnamese() {
        WarningsActivity a = warningsWithACheckinWarning(java.util.Locale.forLanguageTag("vi"), "13-warnings-checkin-vi");
        ViewGroup list = a.findViewById(R.id.warnings_list);
        assertEquals(2, list.getChildCount());
        View checkin = list.getChildAt(0); // newest contact day first
        assertEquals("Check-in tại địa điểm", text(checkin, R.id.warning_kind));
        assertEquals("Cảnh báo: có ca bệnh tại nơi bạn đã đến", text(checkin, R.id.warning_title));
        assertTrue(text(checkin, R.id.warning_body).startsWith("Ngày 20/07/2021, bạn đã check-in tại Chợ Hà Lạc"));
        assertEquals("Tiếp xúc qua Bluetooth", text(list.getChildAt(1), R.id.warning_kind));
        assertEquals(View.GONE, a.findViewById(R.id.warnings_none).getVisibility());
    }

    @Test
    @Config(qualifiers = EN)
    public void checkinWarningsStandBesideBluetoothOnesInEnglish() {
        WarningsActivity a = warningsWithACheckinWarning(java.util.Locale.ENGLISH, "13-warnings-checkin-en");
        ViewGroup list = a.findViewById(R.id.warnings_list);
        assertEquals("Check-in at a place", text(list.getChildAt(0), R.id.warning_kind));
        assertEquals("Contact over Bluetooth", text(list.getChildAt(1), R.id.warning_kind));
    }
}
