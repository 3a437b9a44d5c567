package vn.bluezone.android.ui;

import android.bluetooth.BluetoothAdapter;
import android.content.Intent;
import android.net.Uri;
import android.os.Build;
import android.os.Bundle;
import android.provider.Settings;
import android.view.View;
import android.widget.Button;
import android.widget.EditText;

import vn.bluezone.android.AppSettings;
import vn.bluezone.android.InstallLink;
import vn.bluezone.android.R;
import vn.bluezone.android.service.EngineService;
import vn.bluezone.android.service.Jobs;
import vn.bluezone.device.server.KeyServerException;

/**
 * First run: what the app does and never does, each permission with its reason (the ones this Android version
 * asks for), Bluetooth off, the battery-optimisation exemption, an optional commune and village; then the
 * permissions are requested, protection starts and the install registers with the code of the link it came with.
 */
public final class OnboardingActivity extends BaseActivity {
    private boolean registrationTried;

    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        setContentView(R.layout.activity_onboarding);
        setTitle(R.string.app_name);
        findViewById(R.id.perm_location).setVisibility(Build.VERSION.SDK_INT < 31 ? View.VISIBLE : View.GONE);
        findViewById(R.id.perm_notifications).setVisibility(Build.VERSION.SDK_INT >= 33 ? View.VISIBLE : View.GONE);
        InstallLink link = bz().settings().installLink();
        show(R.id.onboarding_source, link == null ? null : getString(R.string.onboarding_source, link.code()));
        findViewById(R.id.onboarding_battery).setOnClickListener(v -> startActivity(
                new Intent(Settings.ACTION_REQUEST_IGNORE_BATTERY_OPTIMIZATIONS,
                        Uri.parse("package:" + getPackageName()))));
        findViewById(R.id.onboarding_bluetooth_on).setOnClickListener(v -> startActivityForResult(
                new Intent(BluetoothAdapter.ACTION_REQUEST_ENABLE), HomeActivity.REQUEST_BLUETOOTH));
        findViewById(R.id.onboarding_start).setOnClickListener(v -> start());
    }

    @Override
    protected void onResume() {
        super.onResume();
        BluetoothAdapter a = bz().bluetoothAdapter();
        boolean off = a == null || !a.isEnabled();
        findViewById(R.id.onboarding_bluetooth_off).setVisibility(off ? View.VISIBLE : View.GONE);
        findViewById(R.id.onboarding_bluetooth_on).setVisibility(off ? View.VISIBLE : View.GONE);
    }

    private void start() {
        if (registrationTried) {
            goHome();
            return;
        }
        String commune = ((EditText) findViewById(R.id.onboarding_commune)).getText().toString().strip();
        String village = ((EditText) findViewById(R.id.onboarding_village)).getText().toString().strip();
        if (!commune.isEmpty() && !commune.matches("\\d{5}")) {
            show(R.id.onboarding_status, getString(R.string.onboarding_area_invalid));
            return;
        }
        bz().settings().setArea(commune.isEmpty() ? null : commune,
                commune.isEmpty() || village.isEmpty() ? null : village);
        if (Permissions.bluetoothGranted(this)) {
            afterPermissions();
        } else {
            requestPermissions(Permissions.all().toArray(new String[0]), HomeActivity.REQUEST_PERMISSIONS);
        }
    }

    @Override
    public void onRequestPermissionsResult(int requestCode, String[] permissions, int[] results) {
        afterPermissions();
    }

    /** Starts protection (if permitted) and registers; a refusal or no network keeps the user informed. */
    private void afterPermissions() {
        AppSettings s = bz().settings();
        s.setOnboarded(true);
        Jobs.scheduleAll(this);
        boolean permitted = Permissions.bluetoothGranted(this);
        if (permitted) {
            EngineService.start(this);
        }
        Button startButton = findViewById(R.id.onboarding_start);
        startButton.setEnabled(false);
        show(R.id.onboarding_status, getString(R.string.onboarding_registering));
        bz().background(() -> actions().register(), (registration, failure) -> {
            registrationTried = true;
            startButton.setEnabled(true);
            startButton.setText(R.string.onboarding_continue);
            String problem = failure == null ? null
                    : failure instanceof KeyServerException e && e.status() == 0
                    ? getString(R.string.onboarding_registration_offline)
                    : getString(R.string.onboarding_registration_refused,
                            failure instanceof KeyServerException e ? e.errorCode() : failure.toString());
            if (!permitted) {
                problem = problem == null ? getString(R.string.onboarding_permission_denied)
                        : getString(R.string.onboarding_permission_denied) + "\n\n" + problem;
            }
            if (problem == null) {
                goHome();
            } else {
                show(R.id.onboarding_status, problem);
            }
        });
    }

    private void goHome() {
        startActivity(new Intent(this, HomeActivity.class).addFlags(Intent.FLAG_ACTIVITY_CLEAR_TOP));
        finish();
    }
}
