package vn.bluezone.android.ui;

import java.util.List;

import android.content.Intent;
import android.net.Uri;
import android.os.Bundle;
import android.view.View;
import android.view.ViewGroup;

import vn.bluezone.android.R;
import vn.bluezone.android.store.WarningJournal;
import vn.bluezone.device.messages.HealthHotline;

/**
 * Every warning given, newest first, Bluetooth (F1/F2) and check-in ones (a case or a health officer's warning
 * for a place and time the user was at) side by side, each labelled with its kind, as the engine's message catalogue wrote it (day, how long, how close,
 * the rule, what to do), and the health hotline: the server's ({@code health.hotline} of its signed
 * configuration, kept at each exposure check), else the Ministry of Health's the app ships with: the rule of the
 * warnings' advice ({@link HealthHotline}).
 */
public final class WarningsActivity extends BaseActivity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        setContentView(R.layout.activity_warnings);
        setTitle(R.string.warnings_title);
        // The same rule as the warnings' advice (HealthHotline); none only if a build shipped a malformed number.
        String hotline = HealthHotline.choose(bz().settings().healthHotline(), bz().shippedHotline());
        if (hotline == null) {
            text(R.id.warnings_hotline).setVisibility(View.GONE);
            findViewById(R.id.warnings_call).setVisibility(View.GONE);
            return;
        }
        text(R.id.warnings_hotline).setText(getString(R.string.warnings_hotline, hotline));
        findViewById(R.id.warnings_call).setOnClickListener(v -> startActivity(
                new Intent(Intent.ACTION_DIAL, Uri.parse("tel:" + hotline.replace(" ", "")))));
    }

    @Override
    protected void onResume() {
        super.onResume();
        List<WarningJournal.Entry> all = bz().warnings().all();
        ViewGroup list = findViewById(R.id.warnings_list);
        list.removeAllViews();
        for (WarningJournal.Entry w : all) {
            View item = getLayoutInflater().inflate(R.layout.item_warning, list, false);
            ((android.widget.TextView) item.findViewById(R.id.warning_kind)).setText(
                    w.isCheckin() ? R.string.warning_kind_checkin : R.string.warning_kind_bluetooth);
            ((android.widget.TextView) item.findViewById(R.id.warning_title)).setText(w.title());
            ((android.widget.TextView) item.findViewById(R.id.warning_body)).setText(w.body());
            list.addView(item);
        }
        findViewById(R.id.warnings_none).setVisibility(all.isEmpty() ? View.VISIBLE : View.GONE);
    }
}
