package vn.bluezone.android.ui;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.robolectric.Shadows.shadowOf;
import static vn.bluezone.android.AppTestSupport.bluezone;

import android.content.Intent;
import android.graphics.Bitmap;
import android.graphics.drawable.BitmapDrawable;
import android.net.Uri;
import android.widget.ImageView;
import android.widget.TextView;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.annotation.Config;

import vn.bluezone.android.AppActions;
import vn.bluezone.android.AppTestSupport;
import vn.bluezone.android.BluezoneTestRunner;
import vn.bluezone.android.Bluezone;
import vn.bluezone.android.InstallLink;
import vn.bluezone.android.R;
import vn.bluezone.android.registry.Registration;
import vn.bluezone.android.registry.RegistryClient;
import vn.bluezone.android.testserver.KeyServerHarness;
import vn.bluezone.api.registry.DeviceRegistration;

/**
 * My install code (text and a QR code that reads back to it) and "invite three people": the shared link carries
 * the referral code, a phone opened with it registers as referred, and the inviter sees the count from the server.
 */
@RunWith(BluezoneTestRunner.class)
@Config(qualifiers = "vi-rVN")
public class InviteTest {
    @Test
    public void theInstallCodeAsTextAndQrTheInvitationLinkAndItsInstalls() throws Exception {
        KeyServerHarness server = AppTestSupport.useTestServer();
        Bluezone bz = bluezone();
        bz.settings().setOnboarded(true);
        Registration me = new AppActions(bz).register();
        RegistryClient registry = bz.registry();
        java.util.List<Registration> invited = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            invited.add(registry.register(new DeviceRegistration("android", "1.0.0", null, null, null,
                    me.referralCode(), null)));
        }
        // A referral counts once the invited phone has sent heartbeats on two different days (issue 15 §3).
        for (Registration r : invited) {
            registry.heartbeat(r, true, "1.0.0");
        }
        server.advanceMinutes(24 * 60);
        for (Registration r : invited) {
            registry.heartbeat(r, true, "1.0.0");
        }

        MyCodeActivity a = Robolectric.buildActivity(MyCodeActivity.class).setup().get();
        AppTestSupport.idleMain();
        assertEquals(me.installCode(), ((TextView) a.findViewById(R.id.my_code_text)).getText().toString());
        Bitmap qr = ((BitmapDrawable) ((ImageView) a.findViewById(R.id.my_code_qr)).getDrawable()).getBitmap();
        int[] px = new int[qr.getWidth() * qr.getHeight()];
        qr.getPixels(px, 0, qr.getWidth(), 0, 0, qr.getWidth(), qr.getHeight());
        assertEquals(me.installCode(), new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(qr.getWidth(), qr.getHeight(), px)))).getText());
        assertEquals("Số người đã cài từ lời mời của bạn: 2",
                ((TextView) a.findViewById(R.id.invite_count)).getText().toString());

        a.findViewById(R.id.invite_share).performClick();
        Intent chooser = shadowOf(a).getNextStartedActivity();
        assertEquals(Intent.ACTION_CHOOSER, chooser.getAction());
        Intent send = chooser.getParcelableExtra(Intent.EXTRA_INTENT, Intent.class);
        assertEquals(Intent.ACTION_SEND, send.getAction());
        String message = send.getStringExtra(Intent.EXTRA_TEXT);
        String link = server.baseUrl() + "r/" + me.referralCode();
        assertTrue(message, message.startsWith("Cài Bluezone") && message.endsWith(link));
        assertEquals(new InstallLink(InstallLink.Kind.REFERRAL, me.referralCode()),
                InstallLink.from(Uri.parse(link.replace(server.baseUrl(), "https://bluezone.gov.vn/"))));
    }

    @Test
    public void aPhoneOpenedWithAnInvitationRegistersAsReferred() throws Exception {
        KeyServerHarness server = AppTestSupport.useTestServer();
        Registration inviter = bluezone().registry().register(
                new DeviceRegistration("ios", "1.0.0", null, null, null, null, null));
        Robolectric.buildActivity(HomeActivity.class, new Intent(Intent.ACTION_VIEW,
                Uri.parse("https://bluezone.gov.vn/r/" + inviter.referralCode()))).setup();
        Registration me = new AppActions(bluezone()).register();
        assertEquals(inviter.referralCode(), server.referredByOf(me.deviceId()));
    }
}
