package vn.bluezone.android.ble;

import java.time.Duration;
import java.util.List;

import android.bluetooth.BluetoothAdapter;
import android.bluetooth.le.BluetoothLeScanner;
import android.bluetooth.le.ScanCallback;
import android.bluetooth.le.ScanResult;
import android.os.Handler;

import vn.bluezone.device.port.ScanListener;
import vn.bluezone.device.port.Scanner;
import vn.bluezone.device.radio.ReceivedPacket;

/**
 * The engine's {@link Scanner} on {@link BluetoothLeScanner}: one filtered scan (service UUID 0xFD6F, which Android
 * requires for results while the screen is off) for the engine's window, then stop and report the window over.
 * When Bluetooth is off or the permission is missing the window ends at once with nothing heard, and
 * {@link RadioStatus} says why, so the home screen can tell the user.
 */
public final class BleScanner implements Scanner {
    private final BluetoothAdapter adapter;
    private final Handler handler;
    private final RadioStatus status;

    public BleScanner(BluetoothAdapter adapter, Handler handler, RadioStatus status) {
        this.adapter = adapter;
        this.handler = handler;
        this.status = status;
    }

    @Override
    public void scan(Duration window, ScanListener listener) {
        BluetoothLeScanner le = adapter == null || !adapter.isEnabled() ? null : adapter.getBluetoothLeScanner();
        if (le == null) {
            status.scanning(false, RadioStatus.Problem.BLUETOOTH_OFF);
            listener.onScanFinished();
            return;
        }
        ScanCallback callback = new ScanCallback() {
            @Override
            public void onScanResult(int callbackType, ScanResult result) {
                deliver(result, listener);
            }

            @Override
            public void onBatchScanResults(List<ScanResult> results) {
                results.forEach(r -> deliver(r, listener));
            }

            @Override
            public void onScanFailed(int errorCode) {
                status.scanning(false, RadioStatus.Problem.RADIO_ERROR);
            }
        };
        try {
            le.startScan(List.of(ServiceData.scanFilter()), ServiceData.scanSettings(), callback);
            status.scanning(true, null);
        } catch (SecurityException e) {
            status.scanning(false, RadioStatus.Problem.PERMISSION_MISSING);
            listener.onScanFinished();
            return;
        }
        handler.postDelayed(() -> {
            try {
                le.stopScan(callback);
            } catch (SecurityException | IllegalStateException ignored) {
                // Bluetooth went off during the window: the scan has ended anyway.
            }
            listener.onScanFinished();
        }, window.toMillis());
    }

    private static void deliver(ScanResult result, ScanListener listener) {
        ReceivedPacket p = ServiceData.packet(result);
        if (p != null) {
            listener.onPacket(p);
        }
    }
}
