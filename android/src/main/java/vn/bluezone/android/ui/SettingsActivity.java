package vn.bluezone.android.ui;

import android.app.AlertDialog;
import android.content.Intent;
import android.os.Bundle;
import android.widget.RadioGroup;

import vn.bluezone.android.Bluezone;
import vn.bluezone.android.R;

/** Language, delete all data (with a confirmation), privacy notice, open-source licences, version. */
public final class SettingsActivity extends BaseActivity {
    @Override
    protected void onCreate(Bundle state) {
        super.onCreate(state);
        setContentView(R.layout.activity_settings);
        setTitle(R.string.settings_title);
        RadioGroup language = findViewById(R.id.settings_language);
        language.check(switch (bz().settings().language()) {
            case "vi" -> R.id.settings_language_vi;
            case "en" -> R.id.settings_language_en;
            default -> R.id.settings_language_system;
        });
        language.setOnCheckedChangeListener((g, id) -> {
            String tag = id == R.id.settings_language_vi ? "vi" : id == R.id.settings_language_en ? "en" : "";
            if (!tag.equals(bz().settings().language())) {
                bz().settings().setLanguage(tag);
                bz().resetEngine(); // warnings are rendered in the new language from now on
                recreate();
            }
        });
        findViewById(R.id.settings_privacy).setOnClickListener(v -> page(R.string.settings_privacy,
                R.string.privacy_text));
        findViewById(R.id.settings_licences).setOnClickListener(v -> page(R.string.settings_licences,
                R.string.licences_text));
        findViewById(R.id.settings_delete).setOnClickListener(v -> confirmDelete());
        text(R.id.settings_version).setText(getString(R.string.settings_version, Bluezone.APP_VERSION));
    }

    private void page(int title, int body) {
        startActivity(new Intent(this, TextPageActivity.class).putExtra(TextPageActivity.TITLE, title)
                .putExtra(TextPageActivity.BODY, body));
    }

    private void confirmDelete() {
        new AlertDialog.Builder(this)
                .setMessage(R.string.settings_delete_confirm)
                .setPositiveButton(R.string.settings_delete_yes, (d, w) -> delete())
                .setNegativeButton(R.string.settings_delete_no, null)
                .show();
    }

    private void delete() {
        bz().background(() -> {
            actions().deleteAllData();
            return null;
        }, (r, failure) -> {
            show(R.id.settings_status, getString(R.string.settings_deleted));
            startActivity(new Intent(this, OnboardingActivity.class)
                    .addFlags(Intent.FLAG_ACTIVITY_NEW_TASK | Intent.FLAG_ACTIVITY_CLEAR_TASK));
            finish();
        });
    }
}
