package vn.bluezone.android.ui;

import java.util.ArrayList;
import java.util.List;

import android.Manifest;
import android.content.Context;
import android.content.pm.PackageManager;
import android.os.Build;

/**
 * The runtime permissions Bluetooth contact noting needs on this Android version: "nearby devices" on 12+
 * (scan declared {@code neverForLocation}), location on 8-11 (the system ties BLE scanning to it); and
 * notifications on 13+, which warnings need but scanning does not.
 */
final class Permissions {
    private Permissions() {
    }

    static List<String> bluetooth() {
        if (Build.VERSION.SDK_INT >= 31) {
            return List.of(Manifest.permission.BLUETOOTH_SCAN, Manifest.permission.BLUETOOTH_ADVERTISE,
                    Manifest.permission.BLUETOOTH_CONNECT);
        }
        return List.of(Manifest.permission.ACCESS_FINE_LOCATION);
    }

    static List<String> all() {
        List<String> all = new ArrayList<>(bluetooth());
        if (Build.VERSION.SDK_INT >= 33) {
            all.add(Manifest.permission.POST_NOTIFICATIONS);
        }
        return all;
    }

    static boolean bluetoothGranted(Context c) {
        for (String p : bluetooth()) {
            if (c.checkSelfPermission(p) != PackageManager.PERMISSION_GRANTED) {
                return false;
            }
        }
        return true;
    }
}
