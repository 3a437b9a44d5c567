package vn.bluezone.android.ui;

import android.content.Intent;
import android.os.Bundle;
import android.view.View;
import android.widget.ImageView;

import vn.bluezone.android.InstallLink;
import vn.bluezone.android.R;
import vn.bluezone.android.registry.Registration;

/**
 * The install code as text and QR (for officials checking quarantined people and arrivals), and "invite three
 * people": share the referral link and see how many installs came from it.
 */
public final class MyCodeActivity extends BaseActivity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        setContentView(R.layout.activity_my_code);
        setTitle(R.string.my_code_title);
        findViewById(R.id.invite_share).setOnClickListener(v -> share());
    }

    @Override
    protected void onResume() {
        super.onResume();
        Registration r = bz().settings().registration();
        ImageView qr = findViewById(R.id.my_code_qr);
        if (r == null) {
            text(R.id.my_code_text).setText(R.string.my_code_not_registered);
            text(R.id.my_code_text).setTextSize(16);
            qr.setVisibility(View.GONE);
            findViewById(R.id.invite_share).setEnabled(false);
            return;
        }
        text(R.id.my_code_text).setText(r.installCode());
        int px = (int) (220 * getResources().getDisplayMetrics().density);
        qr.setImageBitmap(QrCodes.of(r.installCode(), px));
        qr.setVisibility(View.VISIBLE);
        bz().background(() -> bz().registry().referralInstalls(r), (count, failure) ->
                text(R.id.invite_count).setText(failure == null ? getString(R.string.invite_count, (int) (long) count)
                        : getString(R.string.invite_count_unknown)));
    }

    private void share() {
        Registration r = bz().settings().registration();
        String link = InstallLink.referralLink(bz().serverUrl(), r.referralCode());
        Intent send = new Intent(Intent.ACTION_SEND).setType("text/plain")
                .putExtra(Intent.EXTRA_TEXT, getString(R.string.invite_message, link));
        startActivity(Intent.createChooser(send, getString(R.string.invite_share)));
    }
}
