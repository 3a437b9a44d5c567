package vn.bluezone.android.ui;

import android.os.Bundle;
import android.view.View;
import android.widget.Button;
import android.widget.CheckBox;
import android.widget.EditText;

import vn.bluezone.android.R;
import vn.bluezone.device.report.PendingReport;
import vn.bluezone.device.report.ReportResult;

/**
 * Report a positive test: the health officer's code (only it is sent) → exactly what would be sent (number of
 * keys, which days) → explicit consent → upload. Errors in the user's words; after a network failure nothing is
 * lost and the same step can be tried again.
 */
public final class ReportActivity extends BaseActivity {
    private PendingReport pending;

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
        bz().background(() -> bz().engine().report().verify(code), (p, failure) -> {
            verify.setEnabled(true);
            if (failure != null) {
                show(R.id.report_status, ReportErrors.message(this, failure));
                return;
            }
            pending = p;
            show(R.id.report_summary, getString(R.string.report_summary, p.keyCount(), Formats.days(p.days())));
            CheckBox consent = findViewById(R.id.report_consent);
            consent.setChecked(false);
            consent.setVisibility(View.VISIBLE);
            findViewById(R.id.report_upload).setVisibility(View.VISIBLE);
        });
    }

    private void upload() {
        PendingReport p = pending;
        if (p == null || !((CheckBox) findViewById(R.id.report_consent)).isChecked()) {
            return;
        }
        Button upload = findViewById(R.id.report_upload);
        upload.setEnabled(false);
        show(R.id.report_status, getString(R.string.report_sending));
        bz().background(() -> bz().engine().report().uploadWithConsent(p), (ReportResult r, Exception failure) -> {
            if (failure != null) {
                upload.setEnabled(true);
                show(R.id.report_status, ReportErrors.message(this, failure));
                return;
            }
            pending = null;
            findViewById(R.id.report_consent).setVisibility(View.GONE);
            upload.setVisibility(View.GONE);
            findViewById(R.id.report_verify).setEnabled(false);
            show(R.id.report_status, getString(R.string.report_done, r.accepted()));
        });
    }
}
