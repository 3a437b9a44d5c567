package vn.bluezone.android.notify;

import java.time.Clock;

import android.app.Notification;
import android.app.NotificationManager;
import android.app.PendingIntent;
import android.content.Context;
import android.content.Intent;

import vn.bluezone.android.AppSettings;
import vn.bluezone.android.R;
import vn.bluezone.android.store.WarningJournal;
import vn.bluezone.android.ui.HomeActivity;
import vn.bluezone.android.ui.WarningsActivity;
import vn.bluezone.device.checkin.CheckinNotifier;
import vn.bluezone.device.checkin.CheckinWarning;
import vn.bluezone.device.exposure.ExposureWarning;
import vn.bluezone.device.messages.RenderedWarning;
import vn.bluezone.device.port.Notifier;
import vn.bluezone.device.update.UpdateRequired;

/**
 * The engine's {@link Notifier} on {@link NotificationManager}: a warning becomes a high-priority notification
 * (text from the engine's message catalogue, in the phone's language) that opens the warnings screen, and is kept
 * in the {@link WarningJournal} for that screen; an update notice is remembered for the home screen too.
 */
public final class AndroidNotifier implements Notifier, CheckinNotifier {
    /** Notification ids: the service's is fixed, warnings get one per level and day. */
    public static final int SERVICE_ID = 1;
    public static final int UPDATE_ID = 2;
    /** Check-in warnings: this plus the check-in's id (Bluetooth ones are 100..20,101). */
    static final int CHECKIN_ID_BASE = 1_000_000;

    private final Context context;
    private final WarningJournal journal;
    private final AppSettings settings;
    private final Clock clock;

    public AndroidNotifier(Context context, WarningJournal journal, AppSettings settings, Clock clock) {
        this.context = context;
        this.journal = journal;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void notify(ExposureWarning warning, String title, String body) {
        journal.add(warning, title, body, clock.instant());
        Notification n = new Notification.Builder(context, Channels.WARNINGS)
                .setSmallIcon(R.drawable.ic_notification)
                .setContentTitle(title)
                .setContentText(body)
                .setStyle(new Notification.BigTextStyle().bigText(body))
                .setCategory(Notification.CATEGORY_MESSAGE)
                .setAutoCancel(true)
                .setContentIntent(open(WarningsActivity.class))
                .build();
        int id = 100 + (int) (warning.contactDay().toEpochDay() % 10_000) * 2 + warning.level().ordinal();
        manager().notify(id, n);
    }

    /** A check-in warning: same channel and screen as Bluetooth ones; one notification per check-in. */
    @Override
    public void notify(CheckinWarning warning, RenderedWarning text) {
        journal.add(warning, text.title(), text.body(), clock.instant());
        manager().notify(CHECKIN_ID_BASE + (int) (warning.checkinId() % 100_000), new Notification.Builder(context,
                Channels.WARNINGS)
                .setSmallIcon(R.drawable.ic_notification)
                .setContentTitle(text.title())
                .setContentText(text.body())
                .setStyle(new Notification.BigTextStyle().bigText(text.body()))
                .setCategory(Notification.CATEGORY_MESSAGE)
                .setAutoCancel(true)
                .setContentIntent(open(WarningsActivity.class))
                .build());
    }

    @Override
    public void notifyUpdateRequired(UpdateRequired update, String title, String body) {
        settings.setUpdateRequired(update.minimumAppVersion().text());
        manager().notify(UPDATE_ID, new Notification.Builder(context, Channels.UPDATES)
                .setSmallIcon(R.drawable.ic_notification)
                .setContentTitle(title)
                .setContentText(body)
                .setStyle(new Notification.BigTextStyle().bigText(body))
                .setContentIntent(open(HomeActivity.class))
                .setAutoCancel(true)
                .build());
    }

    private PendingIntent open(Class<?> activity) {
        Intent i = new Intent(context, activity).addFlags(Intent.FLAG_ACTIVITY_NEW_TASK);
        return PendingIntent.getActivity(context, activity.hashCode(), i,
                PendingIntent.FLAG_IMMUTABLE | PendingIntent.FLAG_UPDATE_CURRENT);
    }

    private NotificationManager manager() {
        return context.getSystemService(NotificationManager.class);
    }

    /** The foreground service's persistent notification. */
    public static Notification serviceNotification(Context context) {
        return new Notification.Builder(context, Channels.SERVICE)
                .setSmallIcon(R.drawable.ic_notification)
                .setContentTitle(context.getString(R.string.service_notification_title))
                .setContentText(context.getString(R.string.service_notification_text))
                .setOngoing(true)
                .setContentIntent(PendingIntent.getActivity(context, 0, new Intent(context, HomeActivity.class),
                        PendingIntent.FLAG_IMMUTABLE))
                .build();
    }
}
