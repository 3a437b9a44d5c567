package vn.bluezone.android.ble;

import android.bluetooth.BluetoothAdapter;
import android.bluetooth.le.AdvertiseCallback;
import android.bluetooth.le.AdvertiseSettings;
import android.bluetooth.le.BluetoothLeAdvertiser;

import vn.bluezone.device.port.Advertiser;
import vn.bluezone.device.radio.Advertisement;

/**
 * The engine's {@link Advertiser} on {@link BluetoothLeAdvertiser}: every rotation stops the old advertisement and
 * starts the new one. Android picks and rotates the random address itself (apps cannot set it); restarting the
 * advertisement at each RPI change makes the stack take a fresh one, so an address rarely spans two RPIs.
 */
public final class BleAdvertiser implements Advertiser {
    private final BluetoothAdapter adapter;
    private final RadioStatus status;
    private AdvertiseCallback running;
    private Advertisement current;

    public BleAdvertiser(BluetoothAdapter adapter, RadioStatus status) {
        this.adapter = adapter;
        this.status = status;
    }

    @Override
    public synchronized void advertise(Advertisement advertisement) {
        current = advertisement;
        stopRunning();
        BluetoothLeAdvertiser le = adapter == null || !adapter.isEnabled() ? null : adapter.getBluetoothLeAdvertiser();
        if (le == null) {
            status.advertising(false, RadioStatus.Problem.BLUETOOTH_OFF);
            return;
        }
        AdvertiseCallback callback = new AdvertiseCallback() {
            @Override
            public void onStartSuccess(AdvertiseSettings settingsInEffect) {
                status.advertising(true, null);
            }

            @Override
            public void onStartFailure(int errorCode) {
                status.advertising(false, RadioStatus.Problem.RADIO_ERROR);
            }
        };
        try {
            le.startAdvertising(ServiceData.advertiseSettings(), ServiceData.advertiseData(advertisement), callback);
            running = callback;
        } catch (SecurityException e) {
            status.advertising(false, RadioStatus.Problem.PERMISSION_MISSING);
        }
    }

    /** The beacon the engine asked for last (null before the first). */
    public synchronized Advertisement current() {
        return current;
    }

    @Override
    public synchronized void stop() {
        current = null;
        stopRunning();
        status.advertising(false, null);
    }

    private void stopRunning() {
        if (running == null) {
            return;
        }
        try {
            BluetoothLeAdvertiser le = adapter.getBluetoothLeAdvertiser();
            if (le != null) {
                le.stopAdvertising(running);
            }
        } catch (SecurityException | IllegalStateException ignored) {
            // Bluetooth went off or the permission was withdrawn: nothing is on air any more anyway.
        }
        running = null;
    }
}
