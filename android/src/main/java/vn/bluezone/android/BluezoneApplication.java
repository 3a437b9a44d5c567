package vn.bluezone.android;

import android.app.Application;

import vn.bluezone.android.notify.Channels;

/** Holds the app's parts ({@link Bluezone}) and creates the notification channels. */
public class BluezoneApplication extends Application {
    private Bluezone bluezone;

    @Override
    public void onCreate() {
        super.onCreate();
        bluezone = new Bluezone(this);
        Channels.create(this);
    }

    public Bluezone bluezone() {
        return bluezone;
    }
}
