package vn.bluezone.android.service;

import android.app.Service;
import android.content.Context;
import android.content.Intent;
import android.content.pm.ServiceInfo;
import android.os.Build;
import android.os.Handler;
import android.os.IBinder;
import android.os.Looper;

import vn.bluezone.android.Bluezone;
import vn.bluezone.android.notify.AndroidNotifier;
import vn.bluezone.device.DeviceEngine;

/**
 * The foreground service (type {@code connectedDevice}, with its persistent notification) that keeps the engine
 * advertising and scanning: it calls {@link DeviceEngine#tick()} every few seconds; the engine decides when a
 * beacon rotates and when a duty-cycled scan is due. Exposure checks, purge and heartbeat are jobs ({@link Jobs}).
 */
public final class EngineService extends Service {
    /** How often the engine is asked whether something is due (scans are minutes apart, windows seconds long). */
    static final long TICK_MS = 5_000;
    private final Handler handler = new Handler(Looper.getMainLooper());
    private boolean running;

    public static void start(Context context) {
        context.startForegroundService(new Intent(context, EngineService.class));
    }

    public static void stop(Context context) {
        context.stopService(new Intent(context, EngineService.class));
    }

    @Override
    public int onStartCommand(Intent intent, int flags, int startId) {
        if (Build.VERSION.SDK_INT >= 29) {
            startForeground(AndroidNotifier.SERVICE_ID, AndroidNotifier.serviceNotification(this),
                    ServiceInfo.FOREGROUND_SERVICE_TYPE_CONNECTED_DEVICE);
        } else {
            startForeground(AndroidNotifier.SERVICE_ID, AndroidNotifier.serviceNotification(this));
        }
        if (!running) {
            running = true;
            Bluezone bz = Bluezone.of(this);
            bz.background(() -> {
                bz.engine().resume();
                return null;
            }, (r, failure) -> handler.post(this::tick));
        }
        return START_STICKY;
    }

    private void tick() {
        if (!running) {
            return;
        }
        Bluezone bz = Bluezone.of(this);
        bz.background(() -> {
            DeviceEngine engine = bz.engine();
            engine.tick();
            return null;
        }, (r, failure) -> {
            // No engine yet (the export key could not be fetched offline): try again at the next tick.
        });
        handler.postDelayed(this::tick, TICK_MS);
    }

    @Override
    public void onDestroy() {
        running = false;
        handler.removeCallbacksAndMessages(null);
        DeviceEngine engine = Bluezone.of(this).engineIfBuilt();
        if (engine != null) {
            engine.stop();
        }
        super.onDestroy();
    }

    @Override
    public IBinder onBind(Intent intent) {
        return null;
    }
}
