package vn.bluezone.android.ui;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static vn.bluezone.android.AppTestSupport.bluezone;

import android.view.View;
import android.widget.Button;
import android.widget.CheckBox;
import android.widget.EditText;
import android.widget.TextView;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.robolectric.Robolectric;
import org.robolectric.annotation.Config;

import vn.bluezone.android.AppTestSupport;
import vn.bluezone.android.BluezoneTestRunner;
import vn.bluezone.android.R;
import vn.bluezone.android.testserver.KeyServerHarness;

/**
 * Report a positive test on the real key server: code → what will be sent → consent → upload, keys stored on the
 * server; a wrong code, a used code and no network each give their Vietnamese message and send nothing.
 */
@RunWith(BluezoneTestRunner.class)
@Config(qualifiers = "vi-rVN")
public class ReportFlowTest {
    private static String text(ReportActivity a, int id) {
        return ((TextView) a.findViewById(id)).getText().toString();
    }

    private static ReportActivity enter(String code) {
        ReportActivity a = Robolectric.buildActivity(ReportActivity.class).setup().get();
        ((EditText) a.findViewById(R.id.report_code)).setText(code);
        a.findViewById(R.id.report_verify).performClick();
        AppTestSupport.idleMain();
        return a;
    }

    @Test
    public void codeThenWhatWillBeSentThenConsentThenUpload() throws Exception {
        KeyServerHarness server = AppTestSupport.useTestServer();
        bluezone().settings().setOnboarded(true);
        bluezone().engine().updateAdvertisement(); // today's key exists
        String today = server.clock().instant().atZone(Formats.VIETNAM).toLocalDate().toString();
        String code = server.issueCode(today);
        long before = server.diagnosisKeys();

        ReportActivity a = enter(code);
        String summary = text(a, R.id.report_summary);
        assertTrue(summary, summary.startsWith("Bluezone sẽ gửi 1 khóa ẩn danh hằng ngày"));
        String day = Formats.day(server.clock().instant().atZone(java.time.ZoneOffset.UTC).toLocalDate());
        assertTrue(summary, summary.contains(day));
        Button upload = a.findViewById(R.id.report_upload);
        CheckBox consent = a.findViewById(R.id.report_consent);
        assertEquals(View.VISIBLE, consent.getVisibility());
        assertFalse("nothing is sent before consent", upload.isEnabled());
        assertEquals("only the code has left the phone", before, server.diagnosisKeys());

        consent.setChecked(true);
        assertTrue(upload.isEnabled());
        upload.performClick();
        AppTestSupport.idleMain();
        assertEquals("Đã gửi 1 khóa. Cảm ơn bạn đã giúp cảnh báo những người đã tiếp xúc.",
                text(a, R.id.report_status));
        assertTrue("keys stored on the server", server.diagnosisKeys() > before);

        ReportActivity again = enter(code);
        assertEquals(again.getString(R.string.report_error_used), text(again, R.id.report_status));
    }

    @Test
    public void aWrongCodeSaysSoAndShowsNoConsent() {
        AppTestSupport.useTestServer();
        ReportActivity a = enter("00000000");
        assertEquals("Mã không đúng. Hãy kiểm tra lại với cán bộ y tế.", text(a, R.id.report_status));
        assertEquals(View.GONE, a.findViewById(R.id.report_consent).getVisibility());
    }

    @Test
    public void noNetworkSaysTryLaterAndNothingIsLost() {
        AppTestSupport.useNoNetwork();
        bluezone().settings().setTrustedExportKey(KeyServerHarness.get().exportKeyPem());
        ReportActivity a = enter("12345678");
        assertEquals(a.getString(R.string.report_error_network), text(a, R.id.report_status));
        assertTrue(text(a, R.id.report_status).startsWith("Không có mạng"));
        assertTrue(a.findViewById(R.id.report_verify).isEnabled());
    }
}
