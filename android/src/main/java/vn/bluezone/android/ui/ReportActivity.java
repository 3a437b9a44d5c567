package vn.bluezone.android.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import android.os.Bundle;
import android.view.View;
import android.view.ViewGroup;
import android.widget.Button;
import android.widget.CheckBox;
import android.widget.EditText;

import vn.bluezone.android.R;
import vn.bluezone.device.checkin.StoredCheckin;
import vn.bluezone.device.report.PendingReport;
import vn.bluezone.device.report.ReportResult;

/**
 * Report a positive test: the health officer's code (only it is sent) → exactly what would be sent (number of
 * keys, which days, and the check-ins of the last 14 days, each ticked so that the user can leave any out) →
 * explicit consent → upload of the keys and the ticked check-ins only. Errors in the user's words; after a network failure nothing is
 * lost and the same step can be tried again.
 */
public final class ReportActivity extends BaseActivity {
    private PendingReport pending;
    /** The check-ins listed for consent, each with its tick box (all ticked at first). */
    private final Map<Long, CheckBox> checkinTicks = new LinkedHashMap<>();

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        setContentView(R.layout.activity_report);
        setTitle(R.string.report_title);
        CheckBox consent = findViewById(R.id.report_consent);
        Button upload = findViewById(R.id.report_upload);
        consent.setOnCheckedChangeListener((b, checked) -> upload.setEnabled(checked && pending != null));
        findViewById(R.id.report_verify).setOnClickListener(v -> verify());
        upload.setOnClickListener(v -> upload());
    }

    private void verify() {
        String code = ((EditText) findViewById(R.id.report_code)).getText().toString().strip();
        if (code.isEmpty()) {
            show(R.id.report_status, getString(R.string.report_code_empty));
            return;
        }
        Button verify = findViewById(R.id.report_verify);
        verify.setEnabled(false);
        show(R.id.report_status, null);
        bz().background(() -> new Verified(bz().engine().report().verify(code), bz().checkins().book().shareable()),
                (Verified v, Exception failure) -> {
            verify.setEnabled(true);
            if (failure != null) {
                show(R.id.report_status, ReportErrors.message(this, failure));
                return;
            }
            PendingReport p = v.pending();
            pending = p;
            listCheckins(v.checkins());
            show(R.id.report_summary, getString(R.string.report_summary, p.keyCount(), Formats.days(p.days())));
            CheckBox consent = findViewById(R.id.report_consent);
            consent.setChecked(false);
            consent.setVisibility(View.VISIBLE);
            findViewById(R.id.report_upload).setVisibility(View.VISIBLE);
        });
    }

    private record Verified(PendingReport pending, List<StoredCheckin> checkins) {
    }

    /** The check-ins that would be sent, each ticked; the user unticks those not to send. */
    private void listCheckins(List<StoredCheckin> shareable) {
        ViewGroup list = findViewById(R.id.report_checkins);
        list.removeAllViews();
        checkinTicks.clear();
        Instant now = bz().clock().instant();
        for (StoredCheckin c : shareable) {
            CheckBox tick = new CheckBox(this);
            tick.setText(getString(R.string.report_checkin_item, c.place().description(),
                    Formats.day(c.checkIn().atZone(Formats.VIETNAM).toLocalDate()), Formats.clock(c.checkIn()),
                    Formats.clock(c.end(now))));
            tick.setChecked(true);
            list.addView(tick);
            checkinTicks.put(c.id(), tick);
        }
        findViewById(R.id.report_checkins_title).setVisibility(shareable.isEmpty() ? View.GONE : View.VISIBLE);
    }

    private List<Long> tickedCheckins() {
        List<Long> ids = new ArrayList<>();
        checkinTicks.forEach((id, box) -> {
            if (box.isChecked()) {
                ids.add(id);
            }
        });
        return ids;
    }

    private void upload() {
        PendingReport p = pending;
        if (p == null || !((CheckBox) findViewById(R.id.report_consent)).isChecked()) {
            return;
        }
        Button upload = findViewById(R.id.report_upload);
        upload.setEnabled(false);
        show(R.id.report_status, getString(R.string.report_sending));
        List<Long> ticked = tickedCheckins();
        bz().background(() -> bz().engine().report().uploadWithConsent(p, bz().checkins().reportsToShare(ticked)),
                (ReportResult r, Exception failure) -> {
            if (failure != null) {
                upload.setEnabled(true);
                show(R.id.report_status, ReportErrors.message(this, failure));
                return;
            }
            pending = null;
            findViewById(R.id.report_consent).setVisibility(View.GONE);
            upload.setVisibility(View.GONE);
            findViewById(R.id.report_verify).setEnabled(false);
            for (CheckBox box : checkinTicks.values()) {
                box.setEnabled(false);
            }
            show(R.id.report_status, ticked.isEmpty() ? getString(R.string.report_done, r.accepted())
                    : getString(R.string.report_done_checkins, r.accepted(), r.checkinsAccepted()));
        });
    }
}
