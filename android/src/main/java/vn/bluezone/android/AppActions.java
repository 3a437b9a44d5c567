package vn.bluezone.android;

import android.app.NotificationManager;
import android.bluetooth.BluetoothAdapter;
import android.os.Build;

import vn.bluezone.android.registry.Registration;
import vn.bluezone.android.service.EngineService;
import vn.bluezone.api.registry.DeviceRegistration;
import vn.bluezone.android.service.Jobs;
import vn.bluezone.device.ExposureCheckResult;
import vn.bluezone.device.store.PurgeResult;
import vn.bluezone.device.server.KeyServerException;

/**
 * What the screens and the background jobs do with the engine and the servers. Every method blocks (network,
 * database): call it on the worker thread ({@link Bluezone#background}) or from a job.
 */
public final class AppActions {
    private final Bluezone bz;

    public AppActions(Bluezone bz) {
        this.bz = bz;
    }

    /**
     * Registers the install once, with the code of the link it came from and the optional commune/village; a
     * registration that already happened is returned as is. The installation id makes a retry after a lost
     * answer count once.
     */
    public Registration register() throws KeyServerException {
        AppSettings s = bz.settings();
        Registration known = s.registration();
        if (known != null) {
            return known;
        }
        InstallLink link = s.installLink();
        Registration r = bz.registry().register(new DeviceRegistration("android", Bluezone.APP_VERSION,
                Build.MODEL, s.communeCode(), s.villageId() == null ? null : Long.valueOf(s.villageId()),
                link != null && link.kind() == InstallLink.Kind.REFERRAL ? link.code() : null,
                link != null && link.kind() == InstallLink.Kind.PLACE ? link.code() : null,
                s.installationId()));
        s.setRegistration(r);
        return r;
    }

    /** The daily heartbeat (registering first if that failed before). */
    public void heartbeat() throws KeyServerException {
        Registration r = register();
        BluetoothAdapter a = bz.bluetoothAdapter();
        bz.registry().heartbeat(r, a != null && a.isEnabled(), Bluezone.APP_VERSION);
        bz.settings().setLastHeartbeat(bz.clock().instant());
    }

    /**
     * Downloads new export files and check-in packages, matches, warns; remembers when, whether the app must be
     * updated and the health hotline the server sent.
     */
    public ExposureCheckResult checkExposures() throws KeyServerException {
        ExposureCheckResult r = bz.engine().checkExposures();
        bz.checkins().check();
        bz.settings().setLastCheck(bz.clock().instant());
        bz.settings().setUpdateRequired(r.updateRequired() ? r.configuration().minimumAppVersion() : null);
        if (r.configuration().healthHotline() != null) {
            bz.settings().setHealthHotline(r.configuration().healthHotline());
        }
        return r;
    }

    /** The 14-day purge of keys, sightings and check-ins. */
    public PurgeResult purge() throws KeyServerException {
        bz.checkins().book().purge();
        return bz.engine().purge();
    }

    /**
     * Deletes everything the app keeps: stops the service and jobs, removes the database file (keys, sightings,
     * matched keys, warnings), the settings (registration, install code, area, trusted key) and notifications.
     * The language choice and a debug server address stay: neither is personal.
     */
    public void deleteAllData() {
        EngineService.stop(bz.context());
        Jobs.cancelAll(bz.context());
        bz.closeStorage();
        bz.context().deleteDatabase(vn.bluezone.android.store.AndroidDeviceStorage.FILE_NAME);
        bz.settings().clearAll();
        bz.context().getSystemService(NotificationManager.class).cancelAll();
    }
}
