package vn.bluezone.android.service;

import java.util.concurrent.TimeUnit;

import android.app.job.JobInfo;
import android.app.job.JobScheduler;
import android.content.ComponentName;
import android.content.Context;

/**
 * The periodic background work, on {@link JobScheduler} (which Doze respects and which survives reboots with
 * {@code setPersisted}): the exposure check four times a day on any network, the 14-day purge and the heartbeat
 * once a day.
 */
public final class Jobs {
    public static final int EXPOSURE_CHECK = 1;
    public static final int PURGE = 2;
    public static final int HEARTBEAT = 3;

    private Jobs() {
    }

    public static void scheduleAll(Context context) {
        JobScheduler js = context.getSystemService(JobScheduler.class);
        ComponentName service = new ComponentName(context, BackgroundJobService.class);
        js.schedule(new JobInfo.Builder(EXPOSURE_CHECK, service)
                .setRequiredNetworkType(JobInfo.NETWORK_TYPE_ANY)
                .setPeriodic(TimeUnit.HOURS.toMillis(6), TimeUnit.HOURS.toMillis(1))
                .setPersisted(true).build());
        js.schedule(new JobInfo.Builder(PURGE, service)
                .setPeriodic(TimeUnit.DAYS.toMillis(1))
                .setPersisted(true).build());
        js.schedule(new JobInfo.Builder(HEARTBEAT, service)
                .setRequiredNetworkType(JobInfo.NETWORK_TYPE_ANY)
                .setPeriodic(TimeUnit.DAYS.toMillis(1), TimeUnit.HOURS.toMillis(4))
                .setPersisted(true).build());
    }

    public static void cancelAll(Context context) {
        context.getSystemService(JobScheduler.class).cancelAll();
    }
}
