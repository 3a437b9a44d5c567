package vn.bluezone.android.ui;

import java.util.Locale;

import android.app.Activity;
import android.content.Context;
import android.content.res.Configuration;
import android.view.View;
import android.widget.TextView;

import vn.bluezone.android.AppActions;
import vn.bluezone.android.AppSettings;
import vn.bluezone.android.Bluezone;

/** Every screen: the language chosen in Settings (else the phone's), and short helpers. */
abstract class BaseActivity extends Activity {
    @Override
    protected void attachBaseContext(Context base) {
        super.attachBaseContext(localised(base));
    }

    /** The context in the language chosen in the app's settings, or as it is when the phone's is wanted. */
    static Context localised(Context base) {
        String lang = new AppSettings(base).language();
        if (lang.isEmpty()) {
            return base;
        }
        Configuration c = new Configuration(base.getResources().getConfiguration());
        c.setLocale(Locale.forLanguageTag(lang));
        return base.createConfigurationContext(c);
    }

    Bluezone bz() {
        return Bluezone.of(this);
    }

    AppActions actions() {
        return new AppActions(bz());
    }

    TextView text(int id) {
        return findViewById(id);
    }

    /** Shows a message in a text view that is hidden while empty. */
    void show(int viewId, CharSequence message) {
        TextView v = findViewById(viewId);
        v.setText(message);
        v.setVisibility(message == null || message.length() == 0 ? View.GONE : View.VISIBLE);
    }
}
