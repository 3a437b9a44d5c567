package vn.bluezone.android;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import android.bluetooth.BluetoothAdapter;
import android.bluetooth.BluetoothManager;
import android.content.Context;
import android.os.Build;
import android.os.Handler;
import android.os.Looper;

import vn.bluezone.android.ble.BleAdvertiser;
import vn.bluezone.android.ble.BleScanner;
import vn.bluezone.android.ble.RadioStatus;
import vn.bluezone.android.notify.AndroidNotifier;
import vn.bluezone.android.registry.AndroidKeyStoreAttestation;
import vn.bluezone.android.registry.KeyAttestation;
import vn.bluezone.android.registry.KeyAttester;
import vn.bluezone.android.registry.RegistryClient;
import vn.bluezone.android.store.AndroidCheckinStore;
import vn.bluezone.android.store.AndroidDeviceStorage;
import vn.bluezone.android.store.WarningJournal;
import vn.bluezone.device.DeviceConfig;
import vn.bluezone.device.DeviceEngine;
import vn.bluezone.device.calibration.CalibrationTable;
import vn.bluezone.device.checkin.CheckinEngine;
import vn.bluezone.device.checkin.CheckinStore;
import vn.bluezone.device.checkin.HttpCheckinServerClient;
import vn.bluezone.device.port.KeyServerClient;
import vn.bluezone.device.server.HttpKeyServerClient;
import vn.bluezone.device.server.KeyServerException;

/**
 * The app's parts, built once per process (held by {@link BluezoneApplication}): settings, the phone's database,
 * the engine with its Android ports, the server clients, and one worker thread on which every engine and network
 * call runs (so that the engine is never used from two threads, and the UI thread never waits for the network).
 */
public final class Bluezone {
    /** The app's version, compared with the server's minimum; kept equal to the manifest's versionName. */
    public static final String APP_VERSION = "1.0.0";

    private final Context context;
    private final AppSettings settings;
    private final RadioStatus radio = new RadioStatus();
    private final Handler main = new Handler(Looper.getMainLooper());
    private Clock clock = Clock.systemUTC();
    private Executor worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "bluezone-engine"));
    private AndroidDeviceStorage storage;
    private DeviceEngine engine;
    private BleAdvertiser advertiser;
    private CheckinEngine checkins;
    private KeyAttestation keyAttestation = new AndroidKeyStoreAttestation();

    Bluezone(Context context) {
        this.context = context.getApplicationContext();
        this.settings = new AppSettings(this.context);
    }

    public static Bluezone of(Context context) {
        return ((BluezoneApplication) context.getApplicationContext()).bluezone();
    }

    public Context context() {
        return context;
    }

    public AppSettings settings() {
        return settings;
    }

    public RadioStatus radio() {
        return radio;
    }

    public Clock clock() {
        return clock;
    }

    /** Tests: one clock for the phone and its key server. Takes effect for an engine built afterwards. */
    public synchronized void useClock(Clock c) {
        this.clock = c;
        resetEngine();
    }

    /** Tests: run background work on the caller's thread. */
    public void useWorker(Executor e) {
        this.worker = e;
    }

    /** Runs work on the worker thread, then {@code done} on the UI thread with its result or failure. */
    public <T> void background(Work<T> work, Done<T> done) {
        worker.execute(() -> {
            T result = null;
            Exception failure = null;
            try {
                result = work.run();
            } catch (Exception e) {
                failure = e;
            }
            T r = result;
            Exception f = failure;
            main.post(() -> done.done(r, f));
        });
    }

    public interface Work<T> {
        T run() throws Exception;
    }

    public interface Done<T> {
        void done(T result, Exception failure);
    }

    public String serverUrl() {
        String o = settings.serverUrlOverride();
        return o != null ? o : context.getString(R.string.server_url);
    }

    public KeyServerClient keyServer() {
        return new HttpKeyServerClient(URI.create(serverUrl()));
    }

    /** Registrations and heartbeats carry an Android key attestation when the phone can make one (issue 15 §3). */
    public RegistryClient registry() {
        return new RegistryClient(serverUrl(), new KeyAttester(keyAttestation));
    }

    /** Tests: Robolectric has no {@code AndroidKeyStore}; a keystore that issues chains from a test root. */
    public void useKeyAttestation(KeyAttestation k) {
        this.keyAttestation = k;
    }

    public BluetoothAdapter bluetoothAdapter() {
        BluetoothManager m = context.getSystemService(BluetoothManager.class);
        return m == null ? null : m.getAdapter();
    }

    public synchronized AndroidDeviceStorage storage() {
        if (storage == null) {
            storage = AndroidDeviceStorage.open(context);
        }
        return storage;
    }

    public WarningJournal warnings() {
        return new WarningJournal(storage());
    }

    /**
     * The engine; built on first use. It needs the key that signs export files: shipped with the build, else
     * trusted on first use from the server over TLS (which needs the network once).
     */
    public synchronized DeviceEngine engine() throws KeyServerException {
        if (engine == null) {
            String pem = trustedExportKey();
            Locale locale = locale();
            DeviceConfig config = DeviceConfig.of(context.getString(R.string.export_region),
                            CalibrationTable.shipped().lookup(Build.MANUFACTURER, Build.MODEL), pem)
                    .withLocale(locale).withAppVersion(APP_VERSION).withShippedHotline(shippedHotline());
            BluetoothAdapter adapter = bluetoothAdapter();
            advertiser = new BleAdvertiser(adapter, radio);
            engine = new DeviceEngine(config, clock, advertiser, new BleScanner(adapter, main, radio), storage(),
                    new AndroidNotifier(context, warnings(), settings, clock), keyServer(), new SecureRandom());
        }
        return engine;
    }

    /** The key that signs export files and check-in packages (see {@link #engine()}). */
    private String trustedExportKey() throws KeyServerException {
        String pem = context.getString(R.string.export_public_key).strip();
        if (pem.isEmpty()) {
            pem = settings.trustedExportKey();
        }
        if (pem == null || pem.isEmpty()) {
            pem = keyServer().exportPublicKey().pem();
            settings.setTrustedExportKey(pem);
        }
        return pem;
    }

    private Locale locale() {
        return context.getResources().getConfiguration().getLocales().get(0);
    }

    /**
     * Check-ins at public places, beside the Bluetooth engine: the book of the user's check-ins (in the same
     * database file) and the check-in package check, with warnings through the app's notifier.
     */
    public synchronized CheckinEngine checkins() throws KeyServerException {
        if (checkins == null) {
            checkins = checkinEngine(new AndroidCheckinStore(storage()), warnings());
        }
        return checkins;
    }

    /**
     * A check-in engine on the given store with this app's server, key, region, clock and notifier (warnings kept
     * in {@code journal}); tests build a second phone with it.
     */
    public CheckinEngine checkinEngine(CheckinStore store, WarningJournal journal) throws KeyServerException {
        CheckinEngine e = new CheckinEngine(store, new HttpCheckinServerClient(URI.create(serverUrl())), keyServer(),
                List.of(trustedExportKey()), List.of(context.getString(R.string.export_region)), clock,
                new SecureRandom(), new AndroidNotifier(context, journal, settings, clock), locale());
        // The warnings' hotline (HealthHotline): the server's, kept from the last check (a newer configuration
        // replaces it at each check), else the one the app ships.
        e.useShippedHotline(shippedHotline());
        e.useHealthHotline(settings.healthHotline());
        return e;
    }

    /** The health hotline this build ships ({@code res/values/config.xml}), named until the server sends one. */
    public String shippedHotline() {
        return context.getString(R.string.hotline);
    }

    /** The engine if it was built (no network needed), else null. */
    public synchronized DeviceEngine engineIfBuilt() {
        return engine;
    }

    public synchronized BleAdvertiser advertiser() {
        return advertiser;
    }

    /** Drops the engine (language changed, data deleted); the next use builds a new one. */
    public synchronized void resetEngine() {
        if (engine != null) {
            engine.stop();
        }
        engine = null;
        advertiser = null;
        checkins = null;
    }

    /** Closes the database (before its file is deleted). */
    synchronized void closeStorage() {
        resetEngine();
        if (storage != null) {
            storage.close();
            storage = null;
        }
    }
}
