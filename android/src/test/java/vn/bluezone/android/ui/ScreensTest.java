package vn.bluezone.android.ui;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static vn.bluezone.android.AppTestSupport.bluezone;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.time.Instant;

import android.app.Activity;
import android.content.Intent;
import android.graphics.Bitmap;
import android.graphics.Canvas;
import android.view.View;
import android.widget.TextView;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.annotation.Config;
import org.robolectric.annotation.GraphicsMode;

import vn.bluezone.android.AppTestSupport;
import vn.bluezone.android.BluezoneTestRunner;
import vn.bluezone.android.R;
import vn.bluezone.android.registry.Registration;

/**
 * Every screen starts and shows its texts in Vietnamese (the default) and in English on an English phone; the home
 * screen's states for Bluetooth off and missing permission; screenshots at a common phone size (360×780 dp,
 * xhdpi) under {@code android/target/screenshots/}, drawn with Robolectric's native graphics.
 */
@RunWith(BluezoneTestRunner.class)
@GraphicsMode(GraphicsMode.Mode.NATIVE)
public class ScreensTest {
    private static final String VI = "vi-rVN-w360dp-h780dp-xhdpi";
    private static final String EN = "en-rUS-w360dp-h780dp-xhdpi";

    private static void phoneWithData() {
        AppTestSupport.useNoNetwork();
        AppTestSupport.bluetoothOn(true);
        AppTestSupport.grantBluetooth();
        var s = bluezone().settings();
        s.setOnboarded(true);
        s.setRegistration(new Registration("d-1", "secret", "K7M2Q9XA", "R4T8P2LC"));
        s.setLastCheck(Instant.parse("2021-07-20T03:15:00Z"));
    }

    private static <T extends Activity> T start(Class<T> screen, String name, String lang) {
        return start(new Intent(AppTestSupport.app(), screen), screen, name, lang);
    }

    private static <T extends Activity> T start(Intent intent, Class<T> screen, String name, String lang) {
        T a = Robolectric.buildActivity(screen, intent).setup().get();
        AppTestSupport.idleMain();
        screenshot(a, name + "-" + lang);
        return a;
    }

    static void screenshot(Activity a, String name) {
        View root = a.getWindow().getDecorView();
        root.measure(View.MeasureSpec.makeMeasureSpec(root.getWidth(), View.MeasureSpec.EXACTLY),
                View.MeasureSpec.makeMeasureSpec(root.getHeight(), View.MeasureSpec.EXACTLY));
        root.layout(0, 0, root.getWidth(), root.getHeight());
        Bitmap b = Bitmap.createBitmap(root.getWidth(), root.getHeight(), Bitmap.Config.ARGB_8888);
        root.draw(new Canvas(b));
        File dir = new File(System.getProperty("bluezone.screenshots.dir", "target/screenshots"));
        dir.mkdirs();
        try (FileOutputStream out = new FileOutputStream(new File(dir, name + ".png"))) {
            b.compress(Bitmap.CompressFormat.PNG, 100, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Activity a, int id) {
        return ((TextView) a.findViewById(id)).getText().toString();
    }

    @Test
    @Config(qualifiers = VI)
    public void everyScreenSpeaksVietnamese() {
        phoneWithData();
        OnboardingActivity first = start(OnboardingActivity.class, "01-first-run", "vi");
        assertEquals("Chào mừng bạn đến với Bluezone", text(first, R.id.onboarding_title));
        assertTrue(text(first, R.id.onboarding_never).startsWith("Bluezone không bao giờ lấy vị trí"));
        assertEquals("Cho phép và bắt đầu", text(first, R.id.onboarding_start));
        HomeActivity home = start(HomeActivity.class, "02-home", "vi");
        assertEquals("Bạn đang được bảo vệ: Bluezone đang ghi nhận tiếp xúc", text(home, R.id.home_state));
        assertEquals("Lần kiểm tra gần nhất: 10:15 20/07/2021", text(home, R.id.home_last_check));
        MyCodeActivity code = start(MyCodeActivity.class, "03-my-code", "vi");
        assertEquals("K7M2Q9XA", text(code, R.id.my_code_text));
        assertEquals("Chưa lấy được số người đã cài (không có mạng).", text(code, R.id.invite_count));
        ReportActivity report = start(ReportActivity.class, "04-report", "vi");
        assertEquals("Kiểm tra mã", text(report, R.id.report_verify));
        WarningsActivity warnings = start(WarningsActivity.class, "05-warnings", "vi");
        assertTrue(text(warnings, R.id.warnings_none).startsWith("Chưa có cảnh báo nào"));
        assertEquals("Đường dây nóng của trạm y tế: 1900 9095", text(warnings, R.id.warnings_hotline));
        SettingsActivity settings = start(SettingsActivity.class, "06-settings", "vi");
        assertEquals("Xóa toàn bộ dữ liệu", text(settings, R.id.settings_delete));
        assertEquals("Phiên bản 1.0.0", text(settings, R.id.settings_version));
        TextPageActivity privacy = start(new Intent(AppTestSupport.app(), TextPageActivity.class)
                        .putExtra(TextPageActivity.TITLE, R.string.settings_privacy)
                        .putExtra(TextPageActivity.BODY, R.string.privacy_text),
                TextPageActivity.class, "07-privacy", "vi");
        assertTrue(text(privacy, R.id.text_page_body).startsWith("Bluezone không thu thập vị trí"));
    }

    @Test
    @Config(qualifiers = EN)
    public void anEnglishPhoneGetsEnglish() {
        phoneWithData();
        OnboardingActivity first = start(OnboardingActivity.class, "01-first-run", "en");
        assertEquals("Welcome to Bluezone", text(first, R.id.onboarding_title));
        HomeActivity home = start(HomeActivity.class, "02-home", "en");
        assertEquals("You are protected: Bluezone is noting contacts", text(home, R.id.home_state));
        MyCodeActivity code = start(MyCodeActivity.class, "03-my-code", "en");
        assertEquals("Share the invitation link", text(code, R.id.invite_share));
        ReportActivity report = start(ReportActivity.class, "04-report", "en");
        assertEquals("Check the code", text(report, R.id.report_verify));
        WarningsActivity warnings = start(WarningsActivity.class, "05-warnings", "en");
        assertEquals("Health station hotline: 1900 9095", text(warnings, R.id.warnings_hotline));
        SettingsActivity settings = start(SettingsActivity.class, "06-settings", "en");
        assertEquals("Delete all data", text(settings, R.id.settings_delete));
    }

    @Test
    @Config(qualifiers = EN)
    public void theLanguageChosenInSettingsWinsOverThePhones() {
        phoneWithData();
        bluezone().settings().setLanguage("vi");
        HomeActivity home = Robolectric.buildActivity(HomeActivity.class).setup().get();
        assertEquals("Bạn đang được bảo vệ: Bluezone đang ghi nhận tiếp xúc", text(home, R.id.home_state));
    }

    @Test
    @Config(qualifiers = VI)
    public void bluetoothOffAndMissingPermissionEachGiveTheirState() {
        phoneWithData();
        AppTestSupport.bluetoothOn(false);
        HomeActivity off = start(HomeActivity.class, "08-home-bluetooth-off", "vi");
        assertEquals("Bluetooth đang tắt: Bluezone không ghi nhận được tiếp xúc", text(off, R.id.home_state));
        assertEquals("Bật Bluetooth", text(off, R.id.home_state_action));
        assertEquals(View.VISIBLE, off.findViewById(R.id.home_state_action).getVisibility());

        AppTestSupport.bluetoothOn(true);
        org.robolectric.Shadows.shadowOf(AppTestSupport.app()).denyPermissions(
                android.Manifest.permission.BLUETOOTH_SCAN);
        HomeActivity denied = Robolectric.buildActivity(HomeActivity.class).setup().get();
        assertEquals("Bluezone chưa ghi nhận tiếp xúc: thiếu quyền Bluetooth", text(denied, R.id.home_state));
        assertEquals("Cấp quyền", text(denied, R.id.home_state_action));
    }
}
