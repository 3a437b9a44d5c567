package vn.bluezone.android.service;

import android.content.BroadcastReceiver;
import android.content.Context;
import android.content.Intent;

import vn.bluezone.android.AppSettings;

/** After a reboot (or an app update) the protection starts again, if the user went through the first run. */
public final class BootReceiver extends BroadcastReceiver {
    @Override
    public void onReceive(Context context, Intent intent) {
        String action = intent.getAction();
        if ((Intent.ACTION_BOOT_COMPLETED.equals(action) || Intent.ACTION_MY_PACKAGE_REPLACED.equals(action))
                && new AppSettings(context).onboarded()) {
            EngineService.start(context);
            Jobs.scheduleAll(context);
        }
    }
}
