package vn.bluezone.android.ui;

import java.time.Duration;
import java.time.Instant;

import android.bluetooth.BluetoothAdapter;
import android.content.Intent;
import android.os.Bundle;
import android.view.View;
import android.widget.Button;

import vn.bluezone.android.AppSettings;
import vn.bluezone.android.Bluezone;
import vn.bluezone.android.InstallLink;
import vn.bluezone.android.R;
import vn.bluezone.device.server.KeyServerException;

/**
 * The home screen: one clear state (protected / Bluetooth off / not scanning / exposure warning), the last check,
 * the days of keys kept, the update notice. Also the entry for links: a place or referral code from the install
 * page or an invitation is kept for the registration; a phone that has not been through the first run goes there.
 */
public final class HomeActivity extends BaseActivity {
    static final int REQUEST_PERMISSIONS = 1;
    static final int REQUEST_BLUETOOTH = 2;

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        takeLink(getIntent());
        if (!bz().settings().onboarded()) {
            startActivity(new Intent(this, OnboardingActivity.class));
            finish();
            return;
        }
        setContentView(R.layout.activity_home);
        setTitle(R.string.app_name);
        open(R.id.home_my_code, MyCodeActivity.class);
        open(R.id.home_invite, MyCodeActivity.class);
        open(R.id.home_checkin, CheckinActivity.class);
        open(R.id.home_checkins, CheckinListActivity.class);
        open(R.id.home_report, ReportActivity.class);
        open(R.id.home_warnings, WarningsActivity.class);
        open(R.id.home_settings, SettingsActivity.class);
        findViewById(R.id.home_check_now).setOnClickListener(v -> checkNow());
    }

    @Override
    protected void onNewIntent(Intent intent) {
        super.onNewIntent(intent);
        takeLink(intent);
    }

    /**
     * Keeps the code of a link until the install is registered (a registered install keeps its first source). A
     * poster's link with a check-in payload ({@code /i/{code}#payload}) checks the user in once the app is set up.
     */
    private void takeLink(Intent intent) {
        if (intent == null || !Intent.ACTION_VIEW.equals(intent.getAction())) {
            return;
        }
        InstallLink link = InstallLink.from(intent.getData());
        AppSettings s = bz().settings();
        if (link != null && s.registration() == null) {
            s.setInstallLink(link);
        }
        if (InstallLink.isCheckin(intent.getData()) && s.onboarded()) {
            startActivity(new Intent(Intent.ACTION_VIEW, intent.getData(), this, CheckinActivity.class));
        }
    }

    private void open(int button, Class<?> screen) {
        findViewById(button).setOnClickListener(v -> startActivity(new Intent(this, screen)));
    }

    @Override
    protected void onResume() {
        super.onResume();
        if (bz().settings().onboarded()) {
            refresh();
        }
    }

    void refresh() {
        Bluezone bz = bz();
        AppSettings s = bz.settings();
        Instant now = bz.clock().instant();
        boolean warned = bz.warnings().all().stream()
                .anyMatch(w -> w.shownAt().isAfter(now.minus(Duration.ofDays(14))));
        BluetoothAdapter adapter = bz.bluetoothAdapter();
        boolean on = adapter != null && adapter.isEnabled();
        boolean permitted = Permissions.bluetoothGranted(this);
        HomeState state = HomeState.of(warned, on, permitted, bz.radio().problem() != null && on && permitted);
        text(R.id.home_state).setText(state.text);
        findViewById(R.id.home_state_card).setBackgroundColor(getColor(state.color));
        Button action = findViewById(R.id.home_state_action);
        action.setVisibility(View.GONE);
        if (state == HomeState.BLUETOOTH_OFF) {
            action.setText(R.string.home_turn_on_bluetooth);
            action.setVisibility(View.VISIBLE);
            action.setOnClickListener(v -> startActivityForResult(
                    new Intent(BluetoothAdapter.ACTION_REQUEST_ENABLE), REQUEST_BLUETOOTH));
        } else if (state == HomeState.NOT_SCANNING && !permitted) {
            action.setText(R.string.home_grant_permission);
            action.setVisibility(View.VISIBLE);
            action.setOnClickListener(v -> requestPermissions(
                    Permissions.all().toArray(new String[0]), REQUEST_PERMISSIONS));
        } else if (state == HomeState.EXPOSED) {
            action.setText(R.string.home_warnings);
            action.setVisibility(View.VISIBLE);
            action.setOnClickListener(v -> startActivity(new Intent(this, WarningsActivity.class)));
        }
        Instant last = s.lastCheck();
        text(R.id.home_last_check).setText(last == null ? getString(R.string.home_never_checked)
                : getString(R.string.home_last_check, Formats.time(last)));
        text(R.id.home_days_kept).setText(getString(R.string.home_days_kept, bz.storage().daysOfKeys()));
        String minimum = s.updateRequired();
        show(R.id.home_update, minimum == null ? null
                : getString(R.string.home_update_required, minimum, Bluezone.APP_VERSION));
    }

    private void checkNow() {
        show(R.id.home_status, getString(R.string.home_checking));
        bz().background(() -> actions().checkExposures(), (result, failure) -> {
            if (failure == null) {
                show(R.id.home_status, null);
            } else if (failure instanceof KeyServerException e && e.status() == 0) {
                show(R.id.home_status, getString(R.string.home_check_offline));
            } else {
                show(R.id.home_status, ReportErrors.message(this, failure));
            }
            refresh();
        });
    }

    @Override
    public void onRequestPermissionsResult(int requestCode, String[] permissions, int[] results) {
        if (Permissions.bluetoothGranted(this)) {
            vn.bluezone.android.service.EngineService.start(this);
        }
        refresh();
    }
}
