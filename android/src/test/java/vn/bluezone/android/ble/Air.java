package vn.bluezone.android.ble;

import java.io.ByteArrayOutputStream;
import java.util.Map;

import android.bluetooth.BluetoothAdapter;
import android.bluetooth.le.AdvertiseData;
import android.bluetooth.le.ScanRecord;
import android.bluetooth.le.ScanResult;
import android.os.ParcelUuid;

/**
 * What an advertisement looks like on air (Bluetooth Core specification, vol 3 part C 11: length, AD type, data),
 * and the scan result another phone's stack would make of it. Test helper: one phone's {@link AdvertiseData}
 * becomes another phone's {@link ScanResult}.
 */
public final class Air {
    private Air() {
    }

    /** Flags (LE general discoverable, no BR/EDR), complete 16-bit service UUIDs, 16-bit service data. */
    public static byte[] bytes(AdvertiseData data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {2, 0x01, 0x06});
        if (!data.getServiceUuids().isEmpty()) {
            out.write(1 + 2 * data.getServiceUuids().size());
            out.write(0x03);
            for (ParcelUuid u : data.getServiceUuids()) {
                writeUuid16(out, u);
            }
        }
        for (Map.Entry<ParcelUuid, byte[]> e : data.getServiceData().entrySet()) {
            out.write(1 + 2 + e.getValue().length);
            out.write(0x16);
            writeUuid16(out, e.getKey());
            out.writeBytes(e.getValue());
        }
        return out.toByteArray();
    }

    private static void writeUuid16(ByteArrayOutputStream out, ParcelUuid u) {
        int v = (int) ((u.getUuid().getMostSignificantBits() >>> 32) & 0xFFFF);
        out.write(v & 0xFF);
        out.write(v >> 8);
    }

    /** The scan result for an advertisement heard from {@code mac} at {@code rssi}. */
    public static ScanResult heard(AdvertiseData data, String mac, int rssi) {
        return new ScanResult(BluetoothAdapter.getDefaultAdapter().getRemoteDevice(mac),
                ScanRecord.parseFromBytes(bytes(data)), rssi, System.nanoTime());
    }
}
