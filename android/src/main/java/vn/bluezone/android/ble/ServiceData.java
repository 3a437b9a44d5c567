package vn.bluezone.android.ble;

import android.bluetooth.le.AdvertiseData;
import android.bluetooth.le.AdvertiseSettings;
import android.bluetooth.le.ScanFilter;
import android.bluetooth.le.ScanRecord;
import android.bluetooth.le.ScanResult;
import android.bluetooth.le.ScanSettings;
import android.os.ParcelUuid;

import vn.bluezone.device.radio.Advertisement;
import vn.bluezone.device.radio.BluetoothAddress;
import vn.bluezone.device.radio.ReceivedPacket;

/**
 * Conversions between the engine's beacons and Android's BLE types: the Exposure Notification service (16-bit UUID
 * 0xFD6F in the Bluetooth base UUID) with service data RPI ‖ AEM, as the Bluetooth specification v1.2 lays out.
 */
public final class ServiceData {
    /** 0000FD6F-0000-1000-8000-00805F9B34FB. */
    public static final ParcelUuid EXPOSURE_NOTIFICATION = ParcelUuid.fromString(
            String.format("0000%04X-0000-1000-8000-00805F9B34FB", Advertisement.SERVICE_UUID));

    private ServiceData() {
    }

    /** What goes on air: the service UUID and its 20 bytes of data, no device name, no TX power field. */
    public static AdvertiseData advertiseData(Advertisement a) {
        return new AdvertiseData.Builder()
                .addServiceUuid(EXPOSURE_NOTIFICATION)
                .addServiceData(EXPOSURE_NOTIFICATION, a.serviceData())
                .setIncludeDeviceName(false)
                .setIncludeTxPowerLevel(false)
                .build();
    }

    /** Non-connectable, low-latency advertising (every ~100 ms; the specification asks for 200-270 ms or less). */
    public static AdvertiseSettings advertiseSettings() {
        return new AdvertiseSettings.Builder()
                .setAdvertiseMode(AdvertiseSettings.ADVERTISE_MODE_LOW_LATENCY)
                .setTxPowerLevel(AdvertiseSettings.ADVERTISE_TX_POWER_MEDIUM)
                .setConnectable(false)
                .setTimeout(0)
                .build();
    }

    /** Android delivers screen-off scan results only for scans with a filter; this one is the service UUID. */
    public static ScanFilter scanFilter() {
        return new ScanFilter.Builder().setServiceUuid(EXPOSURE_NOTIFICATION).build();
    }

    public static ScanSettings scanSettings() {
        return new ScanSettings.Builder().setScanMode(ScanSettings.SCAN_MODE_LOW_LATENCY)
                .setCallbackType(ScanSettings.CALLBACK_TYPE_ALL_MATCHES).setReportDelay(0).build();
    }

    /**
     * The engine's packet for a scan result: sender address, service UUID, service data and raw RSSI; null when
     * the result carries no Exposure Notification service data.
     */
    public static ReceivedPacket packet(ScanResult result) {
        ScanRecord record = result.getScanRecord();
        if (record == null) {
            return null;
        }
        byte[] data = record.getServiceData(EXPOSURE_NOTIFICATION);
        if (data == null) {
            return null;
        }
        return new ReceivedPacket(address(result.getDevice() == null ? null : result.getDevice().getAddress()),
                Advertisement.SERVICE_UUID, data, result.getRssi());
    }

    static BluetoothAddress address(String mac) {
        byte[] b = new byte[6];
        if (mac != null) {
            String[] parts = mac.split(":");
            for (int i = 0; i < Math.min(6, parts.length); i++) {
                b[i] = (byte) Integer.parseInt(parts[i], 16);
            }
        }
        return BluetoothAddress.of(b);
    }
}
