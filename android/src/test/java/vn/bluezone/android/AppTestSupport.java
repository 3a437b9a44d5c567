package vn.bluezone.android;

import static org.robolectric.Shadows.shadowOf;

import android.Manifest;
import android.app.Application;
import android.bluetooth.BluetoothAdapter;
import android.bluetooth.BluetoothManager;
import android.os.Looper;

import org.robolectric.RuntimeEnvironment;

import vn.bluezone.android.testserver.KeyServerHarness;

/** Points the app at the test key server and its clock, runs background work inline, sets radio and permissions. */
public final class AppTestSupport {
    private AppTestSupport() {
    }

    public static Application app() {
        return RuntimeEnvironment.getApplication();
    }

    public static Bluezone bluezone() {
        return Bluezone.of(app());
    }

    /** The app against the real key server; background work runs on the calling thread. */
    public static KeyServerHarness useTestServer() {
        KeyServerHarness server = KeyServerHarness.get();
        Bluezone bz = bluezone();
        bz.settings().setServerUrlOverride(server.baseUrl());
        bz.useWorker(Runnable::run);
        bz.useClock(server.clock());
        return server;
    }

    /** As {@link #useTestServer()}, but the server sends no health hotline in its signed configuration. */
    public static KeyServerHarness useTestServerWithoutHotline() {
        KeyServerHarness server = useTestServer();
        bluezone().settings().setServerUrlOverride(server.baseUrlWithoutHotline());
        return server;
    }

    /** A server address where nothing listens: the phone has no network. */
    public static void useNoNetwork() {
        Bluezone bz = bluezone();
        bz.settings().setServerUrlOverride("http://127.0.0.1:9/");
        bz.useWorker(Runnable::run);
    }

    public static void grantBluetooth() {
        shadowOf(app()).grantPermissions(Manifest.permission.BLUETOOTH_SCAN, Manifest.permission.BLUETOOTH_ADVERTISE,
                Manifest.permission.BLUETOOTH_CONNECT, Manifest.permission.POST_NOTIFICATIONS);
    }

    public static void bluetoothOn(boolean on) {
        BluetoothAdapter a = app().getSystemService(BluetoothManager.class).getAdapter();
        shadowOf(a).setEnabled(on);
    }

    public static void idleMain() {
        shadowOf(Looper.getMainLooper()).idle();
    }
}
