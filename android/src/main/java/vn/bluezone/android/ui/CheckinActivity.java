package vn.bluezone.android.ui;

import android.content.ActivityNotFoundException;
import android.content.Intent;
import android.net.Uri;
import android.os.Bundle;

import vn.bluezone.android.R;
import vn.bluezone.device.checkin.CheckinException;
import vn.bluezone.device.checkin.StoredCheckin;

/**
 * Check in at a public place. Two ways in: the poster's link ({@code https://<server>/i/{code}#payload}) opened by
 * the phone's camera or a browser reaches the app's link filter and comes here as the Intent's data; or "Scan QR
 * code" asks a scanner app through the ZXing {@code SCAN} intent (no camera code in the app: a scanner app or the
 * camera app does the decoding). Without a scanner app the screen says to open the code with the camera app,
 * which opens the link. The engine's {@code CheckinBook} checks the link and keeps the check-in on the phone.
 */
public final class CheckinActivity extends BaseActivity {
    /** The scanner apps' intent (ZXing Barcode Scanner and the apps that answer it). */
    static final String SCAN_ACTION = "com.google.zxing.client.android.SCAN";
    static final int REQUEST_SCAN = 10;

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        setContentView(R.layout.activity_checkin);
        setTitle(R.string.checkin_title);
        findViewById(R.id.checkin_scan).setOnClickListener(v -> scan());
        findViewById(R.id.checkin_open_list).setOnClickListener(v ->
                startActivity(new Intent(this, CheckinListActivity.class)));
        Uri link = getIntent().getData();
        if (link != null && state == null) {
            checkIn(link.toString());
        }
    }

    private void scan() {
        Intent scan = new Intent(SCAN_ACTION).putExtra("SCAN_MODE", "QR_CODE_MODE")
                .putExtra("SCAN_FORMATS", "QR_CODE").putExtra("PROMPT_MESSAGE", getString(R.string.checkin_scan));
        try {
            startActivityForResult(scan, REQUEST_SCAN);
        } catch (ActivityNotFoundException e) {
            show(R.id.checkin_status, getString(R.string.checkin_no_scanner));
        }
    }

    @Override
    protected void onActivityResult(int requestCode, int resultCode, Intent data) {
        super.onActivityResult(requestCode, resultCode, data);
        if (requestCode == REQUEST_SCAN && resultCode == RESULT_OK && data != null
                && data.getStringExtra("SCAN_RESULT") != null) {
            checkIn(data.getStringExtra("SCAN_RESULT"));
        }
    }

    void checkIn(String link) {
        show(R.id.checkin_status, getString(R.string.checkin_checking_in));
        bz().background(() -> bz().checkins().book().checkIn(link), (StoredCheckin c, Exception failure) -> {
            if (failure instanceof CheckinException e) {
                show(R.id.checkin_status, CheckinTexts.error(this, e));
            } else if (failure != null) {
                show(R.id.checkin_status, ReportErrors.message(this, failure));
            } else {
                show(R.id.checkin_status, getString(R.string.checkin_done, c.place().description(),
                        Formats.clock(c.checkIn()), Formats.clock(c.autoCheckOut())));
            }
        });
    }
}
