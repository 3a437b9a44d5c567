package vn.bluezone.android.notify;

import android.app.NotificationChannel;
import android.app.NotificationManager;
import android.content.Context;

import vn.bluezone.android.R;

/** The app's notification channels: the persistent service notice, exposure warnings, update notices. */
public final class Channels {
    public static final String SERVICE = "service";
    public static final String WARNINGS = "warnings";
    public static final String UPDATES = "updates";

    private Channels() {
    }

    public static void create(Context c) {
        NotificationManager nm = c.getSystemService(NotificationManager.class);
        nm.createNotificationChannel(new NotificationChannel(SERVICE, c.getString(R.string.channel_service),
                NotificationManager.IMPORTANCE_LOW));
        nm.createNotificationChannel(new NotificationChannel(WARNINGS, c.getString(R.string.channel_warnings),
                NotificationManager.IMPORTANCE_HIGH));
        nm.createNotificationChannel(new NotificationChannel(UPDATES, c.getString(R.string.channel_updates),
                NotificationManager.IMPORTANCE_DEFAULT));
    }
}
